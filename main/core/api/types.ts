// What the feed says about a task, normalised. Raw server values are kept next to what they
// mean for us, so a status we have never seen is shown as-is but treated as "still running".

/** What a video's status means for tracking. */
export type VideoState = 'queued' | 'running' | 'finished' | 'failed';

export interface FeedVideo {
  id: string;
  /** The status string exactly as the server sent it (may be a value we do not know). */
  status: string;
  /** What that status means for us; `finished` only when a result URL is present. */
  state: VideoState;
  /** 0-100, or null when the server did not say. */
  progress: number | null;
  seed: number | null;
  resultUrl: string | null;
  sharingUrl: string | null;
  videoPoster: string | null;
  imageThumb: string | null;
  /** Seconds. */
  duration: number | null;
  /** The server's reason when state is `failed`; null otherwise. */
  error: string | null;
}

export interface FeedTask {
  id: string;
  promptText: string;
  videos: FeedVideo[];
  /** Aggregate over videos: see `taskStateOf` in the schema module. */
  state: VideoState;
  /** Mean progress of the videos that report one, or null. */
  progress: number | null;
}

/** Body of POST /pika/generate, as pika-api.md describes it. */
export interface GenerateRequest {
  promptText: string;
  model?: string;
  pikaffect?: string;
  options?: {
    aspectRatio?: number;
    frameRate?: number;
    camera?: Record<string, unknown>;
    extend?: boolean;
    parameters?: { guidanceScale?: number; motion?: number; negativePrompt?: string };
  };
  image?: string;
  video?: string;
}

/** What a gateway's answer said about its rate limit (see api/rate-limit-headers.ts). */
export interface RateLimitInfo {
  /** Requests allowed per window, when the server said. */
  limit?: number;
  /** Requests left in the current window. */
  remaining?: number;
  /** Milliseconds until the window resets (capped like Retry-After). */
  resetMs?: number;
  /** The window's length, ms, when a policy names it (`w=60`). */
  windowMs?: number;
  /** From Retry-After, ms (capped). */
  retryAfterMs?: number;
}

export interface FeedRequestOptions {
  signal?: AbortSignal;
  /** Told what each answer's headers say about the rate limit (success or error), when they
   * say anything, so the tracker can learn the gateway's limit. */
  onRateLimit?: (info: RateLimitInfo) => void;
}

/** Anything that can answer "what is the state of task X": the HTTP client, or a test double. */
export interface FeedSource {
  getTask(taskId: string, opts?: FeedRequestOptions): Promise<FeedTask>;
}
