// The one schema, a file per area; everything is imported from "@/db/schema".
import { relations } from "drizzle-orm";
import { activityLog, users } from "./accounts";
import { postAudio } from "./audio";
import { documentAttachments, documents } from "./documents";
import { categories, media, postCorrections, postRevisions, posts, postSlugHistory } from "./posts";
import { homeLayouts, menuItems, siteProfiles } from "./site";

export * from "../vocabulary";
export * from "./accounts";
export * from "./posts";
export * from "./operations";
export * from "./site";
export * from "./audio";
export * from "./documents";

export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
export const categoriesRelations = relations(categories, ({ many }) => ({ posts: many(posts) }));
export const postsRelations = relations(posts, ({ one, many }) => ({
  category: one(categories, { fields: [posts.categoryId], references: [categories.id] }),
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
  oldSlugs: many(postSlugHistory),
}));
export const postSlugHistoryRelations = relations(postSlugHistory, ({ one }) => ({
  post: one(posts, { fields: [postSlugHistory.postId], references: [posts.id] }),
}));

export type User = typeof users.$inferSelect;
export type ActivityEntry = typeof activityLog.$inferSelect;
export type Media = typeof media.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Category = typeof categories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;
export type Post = typeof posts.$inferSelect;
export type PostRevision = typeof postRevisions.$inferSelect;
export type PostCorrection = typeof postCorrections.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type MenuItem = typeof menuItems.$inferSelect;
export type SiteProfile = typeof siteProfiles.$inferSelect;
export type HomeLayout = typeof homeLayouts.$inferSelect;
export type PostAudio = typeof postAudio.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type DocumentAttachment = typeof documentAttachments.$inferSelect;
