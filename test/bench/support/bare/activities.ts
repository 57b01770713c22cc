/** The bare baseline's only activity: it does nothing, so what it costs is the hand-off to Temporal alone. */
export const bareActivities = {
  async noop(_step: string): Promise<void> {},
};

export type BareActivities = typeof bareActivities;
