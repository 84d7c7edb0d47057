"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { markRead } from "@/lib/notifications/store";

export const markNotificationsReadAction = defineAction({
  schema: z.object({ id: z.uuid().optional() }),
  async handler({ id }, { user, tx }) {
    await markRead(tx, user!.id, id);
    return null;
  },
  // The bell sits in the app's layout: every page's copy of it is stale now.
  revalidate: () => ["/*"],
});
