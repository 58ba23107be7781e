import { Spin } from 'antd';

/** What shows while a lazily loaded page arrives. */
export function PageFallback() {
  return (
    <div className="sb-center">
      <Spin size="large" />
    </div>
  );
}
