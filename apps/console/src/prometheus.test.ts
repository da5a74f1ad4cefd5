import { describe, expect, it } from 'vitest';
import { keyMetrics, parsePrometheus, quantile } from './prometheus';

const TEXT = `# HELP http_requests_total Requests
# TYPE http_requests_total counter
http_requests_total{method="POST",route="/v1/predict",status="200",service="sentiment"} 90
http_requests_total{method="POST",route="/v1/predict",status="400",service="sentiment"} 7
http_requests_total{method="POST",route="/v1/predict",status="503",service="sentiment"} 3
http_requests_total{method="GET",route="/readyz",status="200",service="sentiment"} 500
http_request_duration_seconds_bucket{le="0.01",method="POST",route="/v1/predict",status="200",service="sentiment"} 40
http_request_duration_seconds_bucket{le="0.1",method="POST",route="/v1/predict",status="200",service="sentiment"} 80
http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/v1/predict",status="200",service="sentiment"} 100
http_request_duration_seconds_bucket{le="0.01",method="GET",route="/readyz",status="200",service="sentiment"} 500
http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/readyz",status="200",service="sentiment"} 500
inference_duration_seconds_sum{service="sentiment"} 1.5
inference_duration_seconds_count{service="sentiment"} 60
model_info{model="a \\"quoted\\" name",service="sentiment"} 1
`;

describe('Prometheus text', () => {
  it('parses names, escaped label values and numbers', () => {
    const samples = parsePrometheus(TEXT);
    expect(samples).toHaveLength(12);
    expect(samples.at(-1)).toEqual({ name: 'model_info', labels: { model: 'a "quoted" name', service: 'sentiment' }, value: 1 });
  });

  it('sums real traffic only (probes excluded) and interpolates latency quantiles', () => {
    expect(keyMetrics(parsePrometheus(TEXT))).toEqual({
      requests: 100,
      clientErrors: 7,
      serverErrors: 3,
      latencyP50Ms: 32.5, // rank 50 of 100 lies 10/40 of the way through the 10–100 ms bucket
      latencyP95Ms: 100, // in +Inf: the largest finite bound
      inferenceCount: 60,
      inferenceMeanMs: 25,
    });
  });

  it('has no quantile for an empty histogram', () => {
    expect(quantile([], 0.5)).toBeUndefined();
    expect(quantile([[0.1, 0], [Infinity, 0]], 0.5)).toBeUndefined();
  });
});
