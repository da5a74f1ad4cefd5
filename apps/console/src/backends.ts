/** The domain services behind the console; `/api/<id>/…` is proxied to the service's own paths. */
export const BACKEND_IDS = ['medical-imaging', 'sentiment', 'speech', 'fraud'] as const;
export type BackendId = (typeof BACKEND_IDS)[number];

export interface Backend {
  id: BackendId;
  /** e.g. http://127.0.0.1:3001, no trailing slash */
  url: string;
}
