describe('the CJK font', () => {
  afterEach(() => jest.resetModules());

  it('when its package is absent, fails with a message naming the package and how to install it', () => {
    jest.doMock('node:fs', () => ({ ...jest.requireActual('node:fs'), existsSync: () => false }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadAgreementFont, CjkFontMissingError } = require('./cjk-font') as typeof import('./cjk-font');
    expect(() => loadAgreementFont()).toThrow(CjkFontMissingError);
    expect(() => loadAgreementFont()).toThrow(/Debian package fonts-noto-cjk: install it with `apt-get install fonts-noto-cjk`/);
  });

  it('loads from the installed package', () => {
    jest.dontMock('node:fs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadAgreementFont, cjkFontFile } = require('./cjk-font') as typeof import('./cjk-font');
    expect(() => loadAgreementFont()).not.toThrow();
    expect(cjkFontFile()).toMatch(/NotoSansCJK-Regular\.ttc$/);
  });
});
