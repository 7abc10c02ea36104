using System;
using System.Collections.Generic;

namespace Inngest.Events.Generators.Analyzers.EventNames;

/// <summary>
/// A heuristic for "reads as a past-tense verb": a word ending in "ed", or an irregular past form (optionally after
/// a prefix such as "re", "un" or "over": "repaid", "undone", "overdrawn"). Wrong answers only make the rule quiet
/// (a noun like "feed") or give an info that an .editorconfig option silences. For fixes it also knows the past form
/// of the verbs event names commonly use (<c>send</c> gives <c>sent</c>, <c>void</c> gives <c>voided</c>); a word it
/// does not know gets no fix, because a guess (<c>signup</c> to <c>signuped</c>) would be worse than none.
/// </summary>
internal static class PastTense
{
    private static readonly HashSet<string> IrregularForms = new(StringComparer.Ordinal)
    {
        "arisen", "awoken", "beaten", "become", "begun", "bent", "bet", "bid", "bitten", "blown", "borne", "bought",
        "bound", "broadcast", "broken", "brought", "built", "burnt", "burst", "cast", "caught", "chosen", "clung",
        "come", "cost", "crept", "cut", "dealt", "done", "drawn", "dreamt", "driven", "drunk", "dug", "dwelt", "eaten",
        "fallen", "felt", "fit", "flown", "flung", "forbidden", "forecast", "forgiven", "forgotten", "forsaken", "fought",
        "found", "frozen", "given", "gone", "got", "gotten", "ground", "grown", "heard", "held", "hidden", "hit", "hung",
        "hurt", "kept", "knelt", "knit", "known", "laid", "lain", "leapt", "learnt", "left", "lent", "let", "lit",
        "lost", "made", "meant", "met", "mown", "paid", "proven", "put", "quit", "read", "rid", "ridden", "risen", "run",
        "rung", "said", "sawn", "seen", "sent", "set", "sewn", "shaken", "shed", "shone", "shot", "shown", "shrunk",
        "shut", "slain", "slept", "slid", "slung", "sold", "sought", "sown", "spat", "spent", "spilt", "split", "spoken",
        "spread", "sprung", "spun", "stolen", "struck", "stuck", "stung", "striven", "strung", "stood", "sunk", "sung",
        "sworn", "swept", "swum", "swung", "taken", "taught", "thought", "thrown", "thrust", "told", "torn", "trodden",
        "understood", "upset", "woken", "won", "worn", "woven", "wound", "written", "wrung",

        // Prefixed forms worth listing on their own (the prefix rule below covers the rest).
        "undone", "withdrawn", "overdrawn", "reset", "rebuilt", "resent", "rerun", "redone", "rewritten", "overridden",
        "withheld", "upheld", "mislaid", "mistaken", "undertaken", "overtaken", "outgrown", "overthrown",
    };

    private static readonly string[] Prefixes = ["re", "un", "pre", "over", "under", "mis", "out", "up", "with", "fore"];

    /// <summary>Irregular verbs by their base form, with the past participle an event name uses (<c>paid</c>, <c>sent</c>).</summary>
    private static readonly Dictionary<string, string> IrregularVerbs = new(StringComparer.Ordinal)
    {
        ["begin"] = "begun", ["bind"] = "bound", ["break"] = "broken", ["bring"] = "brought", ["broadcast"] = "broadcast",
        ["build"] = "built", ["buy"] = "bought", ["catch"] = "caught", ["choose"] = "chosen", ["cut"] = "cut",
        ["deal"] = "dealt", ["do"] = "done", ["draw"] = "drawn", ["drive"] = "driven", ["fall"] = "fallen",
        ["find"] = "found", ["forecast"] = "forecast", ["forget"] = "forgotten", ["forgive"] = "forgiven",
        ["freeze"] = "frozen", ["give"] = "given", ["hide"] = "hidden", ["hit"] = "hit",
        ["hold"] = "held", ["keep"] = "kept", ["lay"] = "laid", ["lead"] = "led", ["leave"] = "left", ["lend"] = "lent",
        ["lose"] = "lost", ["make"] = "made", ["meet"] = "met", ["overdraw"] = "overdrawn", ["override"] = "overridden",
        ["pay"] = "paid", ["prepay"] = "prepaid", ["put"] = "put", ["quit"] = "quit", ["read"] = "read",
        ["rebuild"] = "rebuilt", ["redo"] = "redone", ["repay"] = "repaid", ["rerun"] = "rerun", ["resend"] = "resent",
        ["reset"] = "reset", ["rewrite"] = "rewritten", ["ride"] = "ridden", ["rise"] = "risen", ["run"] = "run",
        ["say"] = "said", ["see"] = "seen", ["seek"] = "sought", ["sell"] = "sold", ["send"] = "sent", ["set"] = "set",
        ["shake"] = "shaken", ["shoot"] = "shot", ["show"] = "shown", ["shut"] = "shut", ["sit"] = "sat",
        ["speak"] = "spoken", ["spend"] = "spent", ["spin"] = "spun", ["split"] = "split", ["spread"] = "spread",
        ["stand"] = "stood", ["steal"] = "stolen", ["stick"] = "stuck", ["strike"] = "struck", ["swear"] = "sworn",
        ["take"] = "taken", ["teach"] = "taught", ["tear"] = "torn", ["tell"] = "told", ["think"] = "thought",
        ["throw"] = "thrown", ["undo"] = "undone", ["understand"] = "understood", ["upset"] = "upset", ["wake"] = "woken",
        ["wear"] = "worn", ["win"] = "won", ["withdraw"] = "withdrawn", ["withhold"] = "withheld", ["write"] = "written",
    };

    /// <summary>Regular verbs common in event names; their past form follows the spelling rules in <see cref="TryGetPastForm"/>.</summary>
    private static readonly HashSet<string> RegularVerbs = new(StringComparer.Ordinal)
    {
        "abandon", "accept", "acknowledge", "activate", "add", "adjust", "allocate", "analyze", "analyse", "answer",
        "append", "apply", "approve", "archive", "arrive", "assign", "attach", "authenticate", "authorize", "authorise",
        "backup", "ban", "bill", "block", "book", "bounce", "calculate", "call", "cancel", "capture", "change", "charge",
        "check", "claim", "clean", "clear", "click", "clone", "close", "collect", "comment", "commit", "compile",
        "complete", "compress", "compute", "confirm", "connect", "consume", "contact", "convert", "copy", "correct",
        "crash", "create", "credit", "deactivate", "debit", "decline", "decrypt", "delay", "delete", "deliver", "deny",
        "deploy", "deprecate", "deregister", "destroy", "detach", "detect", "disable", "disconnect", "discard",
        "dismiss", "dispatch", "dispute", "download", "downgrade", "drop", "duplicate", "edit", "email", "enable",
        "encrypt", "end", "enqueue", "enroll", "enrol", "escalate", "evaluate", "expire", "export", "extend", "fail",
        "fetch", "fill", "filter", "finalize", "finalise", "finish", "fix", "flag", "flush", "follow", "fork",
        "forward", "fulfill", "fulfil", "generate", "grant", "greet", "import", "index", "initialize", "initialise", "insert",
        "install", "invite", "invoice", "issue", "join", "kick", "label", "launch", "like", "link", "list", "load",
        "lock", "log", "login", "logout", "mail", "mark", "match", "merge", "message", "migrate", "modify", "monitor",
        "move", "mute", "notify", "offer", "onboard", "open", "order", "pack", "park", "parse", "pause", "perform",
        "pick", "ping", "place", "plan", "play", "post", "prepare", "price", "print", "process", "produce", "promote",
        "provision", "publish", "purchase", "purge", "push", "qualify", "queue", "rate", "reach", "reactivate",
        "receive", "recalculate", "reconcile", "record", "recover", "redeem", "refresh", "refund", "register", "reject",
        "release", "reload", "remind", "remove", "rename", "render", "renew", "reopen", "reorder", "repair", "replace",
        "reply", "report", "request", "require", "reschedule", "reserve", "resize", "resolve", "respond", "restart",
        "restore", "resume", "retry", "return", "review", "revoke", "reward", "rollback", "rotate", "route", "save",
        "scan", "schedule", "score", "search", "select", "share", "ship", "sign", "snooze", "sort", "start", "stop",
        "store", "submit", "subscribe", "succeed", "suspend", "sync", "tag", "terminate", "test", "ticket", "timeout",
        "track", "transcode", "transfer", "translate", "trigger", "unarchive", "unassign", "unblock", "unfollow",
        "uninstall", "unlink", "unlock", "unmute", "unpublish", "unregister", "unsubscribe", "update", "upgrade",
        "upload", "upsert", "validate", "verify", "view", "visit", "void", "vote", "waive", "warn", "watch", "withdraw",
    };

    /// <summary>Regular verbs that double their last consonant (<c>ship</c>, <c>shipped</c>).</summary>
    private static readonly HashSet<string> DoubleFinalConsonant = new(StringComparer.Ordinal)
    {
        "ban", "cancel", "commit", "drop", "flag", "label", "log", "plan", "scan", "ship", "stop", "submit", "tag", "transfer",
    };

    /// <summary>Verbs whose one-word past forms would misread (<c>login</c>, <c>backup</c>): they are known but get no fix.</summary>
    private static readonly HashSet<string> NoPastForm = new(StringComparer.Ordinal) { "backup", "login", "logout", "rollback", "timeout" };

    /// <summary>
    /// Known verbs that event names also use as nouns (<c>billing/refund.issued</c>, <c>order/placed</c>): where such a
    /// word stands decides nothing about which word is the verb.
    /// </summary>
    private static readonly HashSet<string> AlsoNouns = new(StringComparer.Ordinal)
    {
        "backup", "bill", "book", "call", "change", "charge", "check", "claim", "comment", "credit", "debit", "delay",
        "dispute", "email", "export", "import", "index", "invoice", "issue", "label", "like", "link", "list", "log",
        "login", "mail", "match", "message", "offer", "order", "pick", "plan", "post", "price", "print", "queue", "rate",
        "record", "refund", "reply", "report", "request", "return", "review", "reward", "rollback", "score", "search",
        "share", "sign", "start", "stop", "tag", "test", "ticket", "timeout", "track", "transfer", "trigger", "update",
        "upgrade", "upload", "view", "visit", "vote", "watch",
    };

    public static bool IsPastForm(string word)
    {
        if ((word.Length >= 4 && word.EndsWith("ed", StringComparison.Ordinal)) || IrregularForms.Contains(word))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (word.Length > prefix.Length + 2
                && word.StartsWith(prefix, StringComparison.Ordinal)
                && IrregularForms.Contains(word.Substring(prefix.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="word"/> is the base form of a verb this helper knows.</summary>
    public static bool IsKnownVerb(string word) => IrregularVerbs.ContainsKey(word) || RegularVerbs.Contains(word);

    /// <summary>Whether <paramref name="word"/> is a known verb that event names also use as a noun (<c>refund</c>, <c>order</c>).</summary>
    public static bool IsAlsoNoun(string word) => AlsoNouns.Contains(word);

    /// <summary>The past form of a known verb (<c>send</c> gives <c>sent</c>, <c>verify</c> gives <c>verified</c>); false for any other word.</summary>
    public static bool TryGetPastForm(string word, out string past)
    {
        past = string.Empty;
        if (NoPastForm.Contains(word))
        {
            return false;
        }

        if (IrregularVerbs.TryGetValue(word, out var irregular))
        {
            past = irregular;
            return true;
        }

        if (!RegularVerbs.Contains(word))
        {
            return false;
        }

        var last = word[word.Length - 1];
        if (last == 'e')
        {
            past = word + "d";
        }
        else if (last == 'y' && word.Length > 1 && !IsVowel(word[word.Length - 2]))
        {
            past = word.Substring(0, word.Length - 1) + "ied";
        }
        else if (DoubleFinalConsonant.Contains(word))
        {
            past = word + last + "ed";
        }
        else
        {
            past = word + "ed";
        }

        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
