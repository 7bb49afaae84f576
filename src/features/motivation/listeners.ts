import type { Deps } from "../../platform/deps.js";
import {
  type CommandRequest,
  commandListener,
  escapeMrkdwn,
  type Reply,
  type Router,
} from "../../platform/slack/index.js";
import { parseMotivationCommand } from "./command.js";
import { registerMotivationJobs } from "./jobs.js";
import { type MotivationMessages, motivationMessages } from "./messages.js";
import { addLine, listLines, previewPost, removeLine } from "./service.js";
import { helpReply, listReply, MOTIVATION_IDS, previewReply } from "./views.js";

export function register(router: Router, deps: Deps): void {
  registerMotivationJobs(deps);
  router.command(
    MOTIVATION_IDS.command,
    commandListener(deps, motivationMessages, (request) => handleMotivationCommand(request)),
  );
}

/** Every answer of `/motivation` is private: only the scheduled post itself is for the channel. */
async function handleMotivationCommand(request: CommandRequest<MotivationMessages>): Promise<Reply> {
  const { ctx, t } = request;
  const command = parseMotivationCommand(request.text);
  switch (command.kind) {
    case "help":
      return helpReply(t, command.unknown);
    case "list": {
      const { team, lines } = await listLines(ctx);
      return listReply(t, team.team, lines);
    }
    case "add": {
      const { line } = await addLine(ctx, command.text);
      return { text: t.t("motivation.added", { id: line.id, text: escapeMrkdwn(line.text) }) };
    }
    case "remove": {
      const { line, already } = await removeLine(ctx, command.id);
      if (already) return { text: t.t("motivation.alreadyRemoved", { id: line.id }) };
      return { text: t.t("motivation.removed", { id: line.id, text: escapeMrkdwn(line.text) }) };
    }
    case "preview": {
      const { team, post } = await previewPost(ctx);
      return previewReply(t, team.team, post);
    }
  }
}
