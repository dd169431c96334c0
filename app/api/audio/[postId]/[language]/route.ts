import { requestArticleAudio } from "@/lib/dal/audio/public";
import { audioReply } from "@/lib/audio/request-reply";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ postId: string; language: string }> };

/**
 * A reader asks for the recording of an article that has none yet: the player (JSON) or, without
 * JavaScript, the button under the article (a form; answered with a redirect back to the article).
 */
export async function POST(request: Request, context: Context) {
  const { postId, language } = await context.params;
  return audioReply(request, postId, language, requestArticleAudio);
}
