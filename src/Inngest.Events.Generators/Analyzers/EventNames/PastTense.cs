using System;
using System.Collections.Generic;

namespace Inngest.Events.Generators.Analyzers.EventNames;

/// <summary>
/// A heuristic for "reads as a past-tense verb": a word ending in "ed", or an irregular past form (optionally after
/// a prefix such as "re", "un" or "over": "repaid", "undone", "overdrawn"). Wrong answers only make the rule quiet
/// (a noun like "feed") or give an info that an .editorconfig option silences.
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
}
