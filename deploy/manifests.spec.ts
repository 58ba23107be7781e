import { spawnSync } from 'child_process';
import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { PORTAL_SECURITY_HEADERS } from '../apps/portal/security-headers';

/**
 * Static checks of the manifests (docker/README.md says what was also built and run): every manifest
 * parses, and the properties that keep production safe hold — probes on the apps' real health
 * endpoints, resources, non-root with a read-only root filesystem, graceful shutdown, selectors that
 * match, and a compose file with two API replicas and two workers behind nginx.
 */
const ROOT = path.resolve(__dirname, '..');
const K8S = path.join(ROOT, 'deploy/k8s');
// Parsed YAML, walked by property: checking the manifests' shape is this file's job, not the type's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const kustomization = parse(readFileSync(path.join(K8S, 'kustomization.yaml'), 'utf8')) as Doc;
const docs: Doc[] = (kustomization.resources as string[]).flatMap((file) => {
  const parsed = parseAllDocuments(readFileSync(path.join(K8S, file), 'utf8'));
  for (const doc of parsed) if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  return parsed.map((doc) => doc.toJS() as Doc);
});
const ofKind = (kind: string): Doc[] => docs.filter((d) => d.kind === kind);
const named = (kind: string, name: string): Doc => {
  const found = docs.find((d) => d.kind === kind && d.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** The endpoints the apps really serve (apps/api/src/health, apps/worker/src/health/health.server.ts). */
const ENDPOINTS: Record<string, string[]> = {
  api: ['/api/v1/health/live', '/api/v1/health/ready'],
  worker: ['/live', '/health'],
  portal: ['/healthz'],
};

describe('deploy/k8s (kustomize base)', () => {
  it('lists every manifest of the folder, and each parses with apiVersion, kind and name', () => {
    const files = readdirSync(K8S).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml' && !f.includes('.example.'));
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    for (const doc of docs)
      expect(doc).toEqual(
        expect.objectContaining({
          apiVersion: expect.any(String),
          kind: expect.any(String),
          metadata: expect.objectContaining({ name: expect.any(String) }),
        }),
      );
  });

  it.each(['api', 'worker', 'portal'])(
    'the %s Deployment: probes on real endpoints, resources, non-root, read-only root, graceful shutdown',
    (name) => {
      const deployment = named('Deployment', name);
      const pod = deployment.spec.template.spec;
      expect(matches(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(20);
      for (const container of pod.containers) {
        expect(container.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        for (const kind of ['requests', 'limits'])
          expect(container.resources[kind]).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
        const ports = new Set(container.ports.map((p: Doc) => p.name));
        for (const probe of ['readinessProbe', 'livenessProbe']) {
          expect(ENDPOINTS[name]).toContain(container[probe].httpGet.path);
          expect(ports.has(container[probe].httpGet.port)).toBe(true);
        }
        // Readiness checks the dependencies; liveness must not (a database outage would restart every pod).
        if (name !== 'portal') expect(container.readinessProbe.httpGet.path).not.toBe(container.livenessProbe.httpGet.path);
        // A read-only root needs somewhere to write temporary files.
        expect(container.volumeMounts.map((m: Doc) => m.mountPath)).toContain('/tmp');
      }
    },
  );

  it('the API waits out endpoint removal before SIGTERM, within its grace period; the worker has time to finish jobs', () => {
    const api = named('Deployment', 'api').spec.template.spec;
    const sleep = Number(api.containers[0].lifecycle.preStop.exec.command[1]);
    expect(sleep).toBeGreaterThan(0);
    expect(api.terminationGracePeriodSeconds).toBeGreaterThan(sleep + 15);
    expect(named('Deployment', 'worker').spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(60);
  });

  it('the apps get their secrets from the Secret and their settings from the ConfigMap', () => {
    const config = named('ConfigMap', 'skillbridge-config').data;
    expect(config).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', WORKER_HEALTH_HOST: '0.0.0.0', TRUST_PROXY: '1' });
    for (const name of ['api', 'worker']) {
      const container = named('Deployment', name).spec.template.spec.containers[0];
      expect(container.envFrom).toContainEqual({ configMapRef: { name: 'skillbridge-config' } });
      const secret = Object.fromEntries(
        container.env.filter((e: Doc) => e.valueFrom?.secretKeyRef).map((e: Doc) => [e.name, e.valueFrom.secretKeyRef]),
      );
      expect(secret.DATABASE_URL).toMatchObject({ name: 'skillbridge-secrets', key: 'DATABASE_URL' });
      expect(secret.REDIS_URL).toMatchObject({ name: 'skillbridge-secrets', key: 'REDIS_URL' });
      // In production /metrics is served only with a token, and the pods are annotated for scraping: required.
      expect(secret.METRICS_TOKEN).toEqual({ name: 'skillbridge-secrets', key: 'METRICS_TOKEN' });
      // Optional settings are left unset when absent (an empty value would fail validation).
      for (const [key, ref] of Object.entries(secret))
        if (!['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'METRICS_TOKEN'].includes(key)) expect(ref).toMatchObject({ optional: true });
      // No literal secret in a manifest.
      for (const e of container.env)
        expect(['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'SMTP_URL', 'WEBHOOK_SECRET', 'METRICS_TOKEN']).not.toContain(
          e.value === undefined ? '' : e.name,
        );
    }
    expect(
      named('Deployment', 'api').spec.template.spec.containers[0].env.find((e: Doc) => e.name === 'JWT_SECRET').valueFrom.secretKeyRef
        .optional,
    ).toBeUndefined();
  });

  it('Services, HPAs and PDBs select the pods of existing Deployments; the Ingress routes /api/ and / only', () => {
    const podLabels = ofKind('Deployment').map((d) => d.spec.template.metadata.labels);
    for (const service of ofKind('Service')) {
      expect(podLabels.some((labels) => matches(service.spec.selector, labels))).toBe(true);
    }
    for (const hpa of ofKind('HorizontalPodAutoscaler')) {
      expect(named('Deployment', hpa.spec.scaleTargetRef.name)).toBeDefined();
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.metrics).toContainEqual(
        expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) }),
      );
    }
    expect(
      ofKind('HorizontalPodAutoscaler')
        .map((h) => h.spec.scaleTargetRef.name)
        .sort(),
    ).toEqual(['api', 'worker']);
    for (const pdb of ofKind('PodDisruptionBudget'))
      expect(podLabels.some((labels) => matches(pdb.spec.selector.matchLabels, labels))).toBe(true);
    expect(ofKind('PodDisruptionBudget')).toHaveLength(2);

    const paths = named('Ingress', 'skillbridge').spec.rules.flatMap((rule: Doc) => rule.http.paths);
    expect(paths.map((p: Doc) => [p.path, p.backend.service.name])).toEqual([
      ['/api/', 'api'],
      ['/', 'portal'],
    ]);
    for (const p of paths) {
      const service = named('Service', p.backend.service.name);
      expect(service.spec.ports.map((port: Doc) => port.name)).toContain(p.backend.service.port.name);
    }
  });

  it('the migrate Job runs the migrations once with the API image, non-root', () => {
    const job = named('Job', 'migrate');
    const container = job.spec.template.spec.containers[0];
    expect(container.image).toBe('skillbridge-api');
    expect(container.command).toEqual(['node', 'libs/db-cli/dist/cli.js', 'migrate']);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });

  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  (kubectl.status === 0 ? it : it.skip)('kubectl kustomize renders the base with the images replaced', () => {
    const rendered = spawnSync('kubectl', ['kustomize', K8S], { encoding: 'utf8' });
    expect(rendered.stderr).toBe('');
    const kinds = parseAllDocuments(rendered.stdout).map((d) => (d.toJS() as Doc).kind);
    expect(kinds).toHaveLength(docs.length);
    expect(rendered.stdout).not.toMatch(/image: skillbridge-/);
  });
});

describe('docker/', () => {
  const compose = parse(readFileSync(path.join(ROOT, 'docker/compose.yaml'), 'utf8'), { merge: true }) as Doc;
  const services = compose.services as Record<string, Doc>;
  /** `${VAR:-default}` → [VAR, default]: base images are variables, official images by default. */
  const variable = (value: string): [string, string] => {
    const m = /^\$\{([A-Z_]+):-([^}]+)\}$/.exec(value);
    if (!m) throw new Error(`not \${VAR:-default}: ${value}`);
    return [m[1], m[2]];
  };

  it('compose runs 2 API replicas and 2 workers over one PostgreSQL 16 and one Redis 7 (AOF, noeviction), after a one-shot migrate', () => {
    expect(Object.keys(services).sort()).toEqual(['api-1', 'api-2', 'migrate', 'portal', 'postgres', 'redis', 'worker-1', 'worker-2']);
    expect(variable(services.postgres.image)).toEqual(['POSTGRES_IMAGE', expect.stringMatching(/^postgres:16/)]);
    expect(variable(services.redis.image)).toEqual(['REDIS_IMAGE', expect.stringMatching(/^redis:7/)]);
    const redis = services.redis.command.join(' ');
    expect(redis).toMatch(/--appendonly yes/);
    expect(redis).toMatch(/--maxmemory-policy noeviction/);
    expect(services.migrate.restart).toBe('no');
    for (const name of ['api-1', 'api-2', 'worker-1', 'worker-2']) {
      const service = services[name];
      expect(service.depends_on.migrate.condition).toBe('service_completed_successfully');
      expect(service.environment.DATABASE_URL).toContain('@postgres:5432/');
      expect(service.environment.REDIS_URL).toBe('redis://redis:6379');
      expect(service.read_only).toBe(true);
      expect(service.ports).toBeUndefined(); // only nginx is published
      expect(service.stop_grace_period).toBeDefined();
    }
    expect(services['worker-1'].environment.WORKER_HEALTH_HOST).toBe('0.0.0.0');
    expect(Object.keys(services.portal.depends_on).sort()).toEqual(['api-1', 'api-2']);
    expect(services.portal.read_only).toBe(true);
    expect(services.portal.tmpfs).toEqual(['/tmp']);
  });

  it('every built service passes its base images on as build arguments, official images by default', () => {
    const dockerfiles = Object.fromEntries(
      ['api', 'worker', 'portal'].map((app) => [
        `docker/${app}.Dockerfile`,
        readFileSync(path.join(ROOT, `docker/${app}.Dockerfile`), 'utf8'),
      ]),
    );
    for (const service of Object.values(services).filter((s) => s.build)) {
      const dockerfile = dockerfiles[service.build.dockerfile];
      const declared = Object.fromEntries([...dockerfile.matchAll(/^ARG ([A-Z_]+_IMAGE)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
      expect(Object.keys(declared).length).toBeGreaterThan(0);
      // The same variable, with the Dockerfile's own default, for each base image the Dockerfile takes.
      expect(Object.fromEntries(Object.entries(service.build.args ?? {}).map(([arg, value]) => [arg, variable(value as string)]))).toEqual(
        Object.fromEntries(Object.entries(declared).map(([arg, value]) => [arg, [arg, value]])),
      );
      // No `# syntax=` line: BuildKit would pull the frontend image from Docker Hub.
      expect(dockerfile).not.toMatch(/^# *syntax=/m);
    }
  });

  it('nginx balances /api/ over both API replicas, serves the portal, and keeps /metrics in', () => {
    const conf = readFileSync(path.join(ROOT, 'docker/nginx.conf'), 'utf8');
    const upstream = /upstream skillbridge_api \{([^}]*)\}/.exec(conf)?.[1] ?? '';
    expect(upstream).toMatch(/server api-1:3000/);
    expect(upstream).toMatch(/server api-2:3000/);
    expect(conf).toMatch(/location \/api\/ \{[^}]*proxy_pass http:\/\/skillbridge_api;/);
    expect(conf).toMatch(/location = \/metrics \{\s*return 404;/);
    expect(conf).toMatch(/try_files \$uri \$uri\/ \/index\.html;/);
  });

  it('nginx sends the portal’s security headers, the same as vite preview (apps/portal/security-headers.ts)', () => {
    const conf = readFileSync(path.join(ROOT, 'docker/nginx.conf'), 'utf8');
    const spa = /location \/ \{([^}]*)\}/.exec(conf)?.[1] ?? '';
    const sent = Object.fromEntries([...spa.matchAll(/add_header (\S+) "([^"]*)" always;/g)].map((m) => [m[1].toLowerCase(), m[2]]));
    for (const [name, value] of Object.entries(PORTAL_SECURITY_HEADERS)) expect(sent[name.toLowerCase()]).toBe(value);
    const csp = PORTAL_SECURITY_HEADERS['Content-Security-Policy'];
    const scripts = /(?:^|; )script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scripts).toBe("'self'");
    expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/);
    expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
    // The hashed bundles are not sniffed either.
    expect(/location \/assets\/ \{([^}]*)\}/.exec(conf)?.[1]).toMatch(/add_header X-Content-Type-Options "nosniff" always;/);
  });

  it('the api image carries the agreement PDF: its library and the CJK font it embeds, from Debian, at the path the library reads', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'docker/api.Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^RUN npx nx run-many -t build -p .*@skillbridge\/agreement-documents/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/repo\/libs\/agreement-documents\/dist\/ libs\/agreement-documents\/dist\/$/m);
    expect(dockerfile).toMatch(/apt-get install -y --no-install-recommends fonts-noto-cjk/);
    const fonts = /^COPY --from=fonts (.*)$/m.exec(dockerfile)?.[1].split(/\s+/) ?? [];
    expect(fonts).toEqual(['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/']);
  });

  it.each(['api', 'worker', 'portal'])('the %s image: multi-stage, a numeric non-root user, a HEALTHCHECK', (app) => {
    const dockerfile = readFileSync(path.join(ROOT, `docker/${app}.Dockerfile`), 'utf8');
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
    const user = [...dockerfile.matchAll(/^USER (\S+)/gm)].pop()?.[1] ?? '';
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toMatch(/^CMD \[/m);
  });
});

describe('deploy/prometheus/alerts.yaml', () => {
  const rules = (parse(readFileSync(path.join(ROOT, 'deploy/prometheus/alerts.yaml'), 'utf8')) as Doc).groups.flatMap(
    (g: Doc) => g.rules,
  ) as Doc[];
  /** Every metric the apps define (prom-client `name: '…'`), plus prom-client's defaults the rules use. */
  const defined = new Set(
    ['apps/api/src/metrics/http-metrics.ts', 'apps/worker/src/metrics/worker-metrics.ts', 'apps/worker/src/metrics/backlog-sampler.ts']
      .flatMap((file) => [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/name: '([a-z_]+)'/g)].map((m) => m[1]))
      .concat(['nodejs_eventloop_lag_p99_seconds', 'up']),
  );

  it('every rule has a name, an expression, a severity and a summary', () => {
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules)
      expect(rule).toEqual(
        expect.objectContaining({
          alert: expect.stringMatching(/^SkillBridge/),
          expr: expect.any(String),
          labels: { severity: expect.stringMatching(/^(page|ticket)$/) },
          annotations: expect.objectContaining({ summary: expect.any(String) }),
        }),
      );
  });

  it('names only metrics the apps export (histograms by their _bucket series)', () => {
    const used = rules.flatMap((rule) =>
      [...String(rule.expr).matchAll(/\b((?:skillbridge|http|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1].replace(/_bucket$/, '')),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
  });
});
