import { z } from "zod";
import { userText } from "./text";

import { POST_MAX, THREAD_TITLE_MAX } from "./limits";

export { POST_MAX, THREAD_TITLE_MAX } from "./limits";

const title = userText().trim().min(1, "threadTitleRequired").max(THREAD_TITLE_MAX, "threadTitleTooLong");
const body = userText().trim().min(1, "postRequired").max(POST_MAX, "postTooLong");

export const createThreadSchema = z.object({ cohortId: z.uuid(), lessonId: z.uuid(), title, body });
export const replySchema = z.object({ threadId: z.uuid(), body });
export const editPostSchema = z.object({ postId: z.uuid(), body });
export const postRefSchema = z.object({ postId: z.uuid() });
export const moderateThreadSchema = z.object({
  threadId: z.uuid(),
  action: z.enum(["pin", "unpin", "lock", "unlock", "hide", "unhide"]),
});
export const hidePostSchema = z.object({ postId: z.uuid(), hidden: z.enum(["true", "false"]).transform((v) => v === "true") });
