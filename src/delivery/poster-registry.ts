import type { ChannelPoster, Platform } from './channel-poster.ts';

/**
 * Where scheduled briefs and alerts find the poster for a platform. Each transport registers its
 * poster when it starts; a platform that is not configured simply has none.
 */
export interface PosterRegistry {
  register(poster: ChannelPoster): void;
  get(platform: Platform): ChannelPoster | undefined;
}

export function createPosterRegistry(): PosterRegistry {
  const posters = new Map<Platform, ChannelPoster>();
  return {
    register(poster) {
      posters.set(poster.platform, poster);
    },
    get(platform) {
      return posters.get(platform);
    },
  };
}
