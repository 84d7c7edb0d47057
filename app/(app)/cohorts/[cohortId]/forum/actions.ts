"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { createThread, deletePost, editPost, moderateThread, reply, setPostHidden } from "@/lib/forum/store";
import {
  createThreadSchema,
  editPostSchema,
  hidePostSchema,
  moderateThreadSchema,
  postRefSchema,
  replySchema,
} from "@/lib/validation/forum";

const threadPath = (cohortId: string, threadId: string) => `/cohorts/${cohortId}/forum/${threadId}`;
const boards = (cohortId: string) => `/cohorts/${cohortId}/lessons/*`;

export const createThreadAction = defineAction({
  schema: createThreadSchema,
  async handler(input, { user, tx }) {
    return createThread(tx, user!, input);
  },
  revalidate: (_d, { cohortId }) => [boards(cohortId)],
  after: ({ threadId }, { cohortId }) => redirect(threadPath(cohortId, threadId)),
});

export const replyAction = defineAction({
  schema: replySchema.extend({ cohortId: createThreadSchema.shape.cohortId }),
  async handler({ threadId, body }, { user, tx }) {
    return reply(tx, user!, { threadId, body });
  },
  revalidate: (_d, { cohortId, threadId }) => [threadPath(cohortId, threadId), boards(cohortId)],
});

export const editPostAction = defineAction({
  schema: editPostSchema.extend({ cohortId: createThreadSchema.shape.cohortId }),
  async handler({ postId, body }, { user, tx }) {
    return editPost(tx, user!, { postId, body });
  },
  revalidate: ({ threadId }, { cohortId }) => [threadPath(cohortId, threadId)],
});

export const deletePostAction = defineAction({
  schema: postRefSchema.extend({ cohortId: createThreadSchema.shape.cohortId }),
  async handler({ postId }, { user, tx }) {
    return deletePost(tx, user!, postId);
  },
  revalidate: ({ threadId }, { cohortId }) => [threadPath(cohortId, threadId)],
});

export const moderateThreadAction = defineAction({
  schema: moderateThreadSchema.extend({ cohortId: createThreadSchema.shape.cohortId }),
  async handler({ threadId, action }, { user, tx }) {
    await moderateThread(tx, user!, threadId, action);
    return { threadId };
  },
  revalidate: ({ threadId }, { cohortId }) => [threadPath(cohortId, threadId), boards(cohortId)],
});

export const hidePostAction = defineAction({
  schema: hidePostSchema.extend({ cohortId: createThreadSchema.shape.cohortId }),
  async handler({ postId, hidden }, { user, tx }) {
    const thread = await setPostHidden(tx, user!, postId, hidden);
    return { threadId: thread.id };
  },
  revalidate: ({ threadId }, { cohortId }) => [threadPath(cohortId, threadId)],
});
