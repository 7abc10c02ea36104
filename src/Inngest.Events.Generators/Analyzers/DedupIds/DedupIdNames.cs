using System;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>
/// What names say about a value used in a dedup id. A name can only make the rule quieter than the value's shape
/// would: a key or an event's own id is an id already, a prefix or a kind names the event, and a name that says
/// nothing leaves the value unknown.
/// </summary>
internal static class DedupIdNames
{
    // An id of an occurrence (an event, a message, a delivery, a request, a record of something that happened once:
    // an outbox entry, a reply, a confirmation, an execution, an attempt), or a key made for deduplication.
    private static readonly string[] PrecomputedParts =
    [
        "dedup", "idempot", "nonce", "token", "hash", "checksum", "digest", "fingerprint", "signature",
        "eventid", "messageid", "messagesid", "deliveryid", "updateid", "requestid", "operationid", "correlationid",
        "causationid", "commandid", "notificationid", "webhookid", "transactionid", "traceid", "uniqueid",
        "outboxid", "replyid", "responseid", "confirmationid", "executionid", "attemptid", "invocationid", "dispatchid", "insertid",

        // Svix gives an id to each message it delivers (the `svix-id` header), never to a kept thing.
        "svixid",

        // A collapse id or key (APNs `apns-collapse-id`, FCM `collapse_key`) is made to fold notifications into one.
        "collapse",

        // A duplicate-detection id (Artemis's `_AMQ_DUPL_ID`, Service Bus duplicate detection, a `duplicateId` a caller
        // passes in) is made for deduplication, as a dedup key is.
        "duplicate",
    ];

    // Names of values that say what happened or to what kind of thing, or count occurrences (an attempt, a retry, a
    // generation, a sequence number of a stream's updates, a version or revision of an object, which says which change
    // of it the event is about): they make an id specific to the event or to one occurrence of it.
    private static readonly string[] LabelEndings =
    [
        "prefix", "name", "slug", "kind", "type", "provider", "source", "channel", "topic", "action", "operation",
        "scope", "category", "label", "tag", "reason", "mode", "stage", "phase", "status", "state", "event",
        "attempt", "attempts", "retry", "retries", "generation", "round", "iteration", "sequence", "seq", "version", "revision",
    ];

    // Types (and variables) whose own Id identifies an occurrence rather than a domain object: something that happened
    // or was sent once (an event, a message, an alert, an activity, an email, a transaction, a submission, a timeout
    // requested for a process), or one execution of work (a run, a job, a task, a workflow instance, an operation, and
    // the nouns of work that is run rather than kept: an import, an export, a sync, a build, a scan, a crawl, a render,
    // an analysis, a comparison), or the options of a send or publish call, whose Id is the message's id being passed
    // on. When a name is both (a task of a to-do app), the rule stays quiet; a search, often kept and rerun, is left to
    // configuration.
    private static readonly string[] OccurrenceEndings =
    [
        "event", "message", "notification", "notify", "envelope", "command", "delivery", "webhook", "update", "request", "context",
        "callback", "evt", "msg", "req", "ctx", "txn", "header", "headers", "outbox", "alert", "activity", "email", "run", "execution", "exec", "job", "task", "instance",
        "workflow", "options", "opts", "operation", "transaction", "submission", "interaction",
        "import", "export", "sync", "build", "scan", "crawl", "render", "analysis", "comparison", "process", "call", "ingestion",
        "result", "attempt", "timeout", "migration", "prediction", "payload", "deployment", "mailing", "audit",

        // (A reminder held in a variable is not read so: apps keep reminder rows that are rescheduled, snoozed and
        // cancelled, and readers label a reminder's own id bare. Written in an id's text, it names the message: see
        // `NamesMessageInText`.)

        // One send of a message or a campaign (`campaignSend`), and a mention of someone in one note or comment.
        "send", "mention",

        // A measurement taken once: a sensor's reading, an observation, a sample.
        "reading", "observation", "measurement",

        // Money that moves once: a payment, a payout, a charge, a refund or a withdrawal (`WithdrawNo`) is made once,
        // its id the key of that act (the order or the invoice it is for is the kept thing), and so is a transaction
        // spelled short (`tx.Id`, `txId`); a conversion (an analytics one) is recorded once. (A transfer is not read
        // so: a scheduled transfer or a file transfer is kept, and readers label its id bare.)
        "payment", "payout", "charge", "refund", "tx", "conversion", "withdrawal", "withdraw",

        // A cancellation is recorded once (the subscription or the order it cancels is the kept thing).
        "cancellation",

        // An occurrence says so: one occurrence of a recurring slot or meeting (`candidate.OccurrenceId`).
        "occurrence",

        // A mutation is one write sent to a server once: a GraphQL `clientMutationId`, the id an offline outbox or a sync
        // protocol gives each change it sends, so that the server can drop a repeat.
        "mutation",
    ];

    // Words a storage or list type adds to the name of what it stores (OutboxEventRecord, MessageRow, EventEntity,
    // TaskLogItem), or a type to the name of what it describes (MessageMeta, OrderMetadata): the name before them says
    // what the thing is.
    private static readonly string[] StorageSuffixes = ["record", "row", "entry", "entity", "dto", "model", "item", "metadata", "meta"];

    /// <summary>A key or an id of an occurrence: <c>idempotencyKey</c>, <c>dedupKey</c>, <c>eventId</c>, <c>messageSid</c>.</summary>
    public static bool IsPrecomputed(string name)
    {
        if (IsStorageKey(name))
        {
            return false;
        }

        if (name.EndsWith("key", StringComparison.OrdinalIgnoreCase) || ContainsAny(name, PrecomputedParts))
        {
            return true;
        }

        // The id of an occurrence however it is spelled: msgId, msgID, evtId, idMessage, outboxId. So is its record
        // number (`refund.RefundNo`, `outRefundNo`, `WithdrawNo`): a record of something done once is numbered as an
        // order is, and the number stands for that one act. Not a `...Number`, which as often counts the occurrences of
        // a kept thing (a deal's `PaymentNumber`, its second instalment), nor a numbered task or job, which a tracker
        // keeps (`task_no`).
        return (IdentityStem(name) is { Length: > 0 } stem && IsOccurrence(stem))
            || (RecordNumberStem(name) is { Length: > 0 } numbered && IsOccurrence(numbered) && !EndsWithAny(numbered, WorkWords));
    }

    /// <summary>What a record number names: <c>refund</c> for <c>RefundNo</c> or <c>out_refund_no</c>; null otherwise.</summary>
    private static string? RecordNumberStem(string name)
        => WordEnding(name, RecordNumberEndings) is { } ending ? name.Substring(0, name.Length - ending.Length) : null;

    private static readonly string[] RecordNumberEndings = ["No", "_no"];

    /// <summary>What an identity name names (<c>order</c> for <c>orderId</c>), or null when the name is no identity.</summary>
    public static string? Stem(string name) => IdentityStem(name) is { Length: > 0 } stem ? stem : null;

    /// <summary>
    /// What a number that identifies an object names: <c>receipt</c> for <c>ReceiptNumber</c>, <c>order</c> for
    /// <c>orderNo</c> or <c>order_number</c>; null otherwise.
    /// </summary>
    public static string? NumberStem(string name)
        => WordEnding(name, IdentifyingNumberEndings) is { } ending ? name.Substring(0, name.Length - ending.Length) : null;

    private static readonly string[] IdentifyingNumberEndings = ["Number", "No", "_number", "_no"];

    /// <summary>What an identity name names: <c>order</c> for <c>orderId</c>, <c>order_id</c> and <c>idOrder</c>; null otherwise.</summary>
    private static string? IdentityStem(string name)
    {
        // feedUuid, userUID, ticket_uuid: a UUID or UID is an id by another name; applicationRef, invoice_reference: so is
        // a reference; dossierPk, user_pk: so is a primary key (Django's `pk`). Read before `...ID`, which would take the
        // last two letters of `notificationUUID` and leave `notificationUU`.
        if ((UuidEnding(name) ?? ReferenceEnding(name) ?? PrimaryKeyEnding(name)) is { } ending)
        {
            return name.Substring(0, name.Length - ending.Length).TrimEnd('_');
        }

        if (name.Length > 2 && (name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("ID", StringComparison.Ordinal)))
        {
            return name.Substring(0, name.Length - 2).TrimEnd('_');
        }

        if (name.Length > 3 && name.EndsWith("_id", StringComparison.OrdinalIgnoreCase))
        {
            return name.Substring(0, name.Length - 3);
        }

        // assetIdentifier, task_identifier: an identifier is an id by another name.
        if (name.Length > 10 && name.EndsWith("identifier", StringComparison.OrdinalIgnoreCase))
        {
            return name.Substring(0, name.Length - 10).TrimEnd('_');
        }

        return IsIdBeforeName(name)
            ? name.Substring(2)
            : RunTogetherStem(name);
    }

    /// <summary>
    /// An id written before the name of what it identifies (<c>idOrder</c>, <c>IdPayment</c>). A moment so written
    /// (<c>idTime</c>, <c>idTimeMs</c>, the time a scheduled task is keyed by) is a moment still, not an identity.
    /// </summary>
    private static bool IsIdBeforeName(string name)
        => name.Length > 2 && name.StartsWith("id", StringComparison.OrdinalIgnoreCase) && char.IsUpper(name[2]) && !IsTimeName(name.Substring(2));

    private static readonly string[] UuidEndings = ["Uuid", "UUID", "Uid", "UID", "_uuid", "_uid"];

    /// <summary>The primary-key ending of a longer name (<c>Pk</c> of <c>dossierPk</c>, <c>_pk</c> of <c>user_pk</c>), or null.</summary>
    private static string? PrimaryKeyEnding(string name) => WordEnding(name, PrimaryKeyEndings);

    private static readonly string[] PrimaryKeyEndings = ["Pk", "PK", "_pk"];

    /// <summary>The reference ending of a longer name (<c>Ref</c> of <c>applicationRef</c>, <c>Reference</c> of <c>invoiceReference</c>), or null.</summary>
    private static string? ReferenceEnding(string name) => WordEnding(name, ReferenceEndings);

    /// <summary>
    /// The one of <paramref name="endings"/> that ends a longer name as a word of its own: after a lower-case letter
    /// (<c>Ref</c> of <c>applicationRef</c>), or after an underscore, in any case (<c>_no</c> of <c>order_NO</c>); or null.
    /// </summary>
    private static string? WordEnding(string name, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (name.Length > ending.Length + 1 && name.EndsWith(ending, ending[0] == '_' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
                && (ending[0] == '_' || char.IsLower(name[name.Length - ending.Length - 1])))
            {
                return ending;
            }
        }

        return null;
    }

    private static readonly string[] ReferenceEndings = ["Ref", "Reference", "_ref", "_reference"];

    /// <summary>The UUID or UID ending of a longer name (<c>Uuid</c> of <c>feedUuid</c>), or null.</summary>
    private static string? UuidEnding(string name)
    {
        foreach (var ending in UuidEndings)
        {
            if (name.Length > ending.Length && name.EndsWith(ending, ending[0] == '_' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                return ending;
            }
        }

        return null;
    }

    /// <summary>A name that is just an id: <c>id</c>, <c>_id</c>, <c>uuid</c>, <c>uid</c>, <c>pk</c>, <c>identifier</c> (a variable so named says nothing).</summary>
    public static bool IsOwnIdName(string name)
        => name.Equals("Id", StringComparison.OrdinalIgnoreCase) || name.Equals("_id", StringComparison.Ordinal) // `_id`: a MongoDB document's key
            || name.Equals("Uuid", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Uid", StringComparison.OrdinalIgnoreCase) || name.Equals("Pk", StringComparison.OrdinalIgnoreCase) // Pk: Django's `invoice.pk`
            || name.Equals("Identifier", StringComparison.OrdinalIgnoreCase) || name.Equals("Guid", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A name that says what happened or what kind of thing it is (<c>prefix</c>, <c>eventName</c>, <c>provider</c>), or
    /// which occurrence (<c>attempt</c>, <c>retryCount</c>, <c>generation</c>, <c>attemptNumber</c>).
    /// </summary>
    public static bool IsLabel(string name)
        => EndsWithAny(name, LabelEndings) || (CountedStem(name) is { } counted && EndsWithAny(counted, CounterWords))
            || (IdentityStem(name) is { Length: > 0 } stem && EndsWithAny(stem, WhichOneWords));

    /// <summary>
    /// A name that is just a key, <c>key</c> or <c>k</c>: it says that the value is a key, not of what, so a list it walks
    /// (<c>foreach (var key in s3Keys)</c>) says more about it than it does.
    /// </summary>
    public static bool IsLoneKeyName(string name) => name is "key" or "k";

    /// <summary>
    /// Whether a word that ends labels also names things an app keeps: a content <c>source</c>, a chat <c>channel</c>, a
    /// forum <c>topic</c>, a <c>provider</c>, a <c>category</c>, a <c>label</c> or <c>tag</c>, a pipeline <c>stage</c>.
    /// </summary>
    public static bool IsAlsoKept(string word) => IsOneOf(word, LabelsAlsoKept);

    private static readonly string[] LabelsAlsoKept = ["source", "channel", "topic", "provider", "category", "label", "tag", "stage"];

    // Things whose identity says which message or which change an id is for, not which object: a template (the welcome
    // email's), a revision or a version of an object.
    private static readonly string[] WhichOneWords = ["template", "revision", "version"];

    /// <summary>
    /// Whether an object, by its variable's or its type's name, is a template, a revision or a version
    /// (<c>template</c>, <c>EmailTemplate</c>, <c>docRevision</c>), whose own id says which message or change.
    /// </summary>
    public static bool NamesWhichOne(string variable, ITypeSymbol? type)
        => EndsWithAny(WithoutStorageSuffix(variable), WhichOneWords) || (type is { Name.Length: > 0 } && EndsWithAny(WithoutStorageSuffix(type.Name), WhichOneWords));

    // Occurrence counters spelled with a number's ending (attemptNumber, retry_count, sequenceNo, seqnum, revisionNumber).
    private static readonly string[] CounterWords = ["attempt", "retry", "generation", "round", "iteration", "sequence", "seq", "revision", "version", "send", "step"];

    /// <summary>Whether a word counts occurrences or steps of a sequence: <c>attempt</c>, <c>round</c>, <c>step</c>.</summary>
    public static bool IsCounter(string word) => IsOneOf(word, CounterWords);

    private static readonly string[] NumberEndings = ["number", "num", "no", "count", "index"];

    /// <summary>What a name counts when it ends like a number (<c>attempt</c> for <c>attemptNumber</c> or <c>attempt_no</c>), or null.</summary>
    private static string? CountedStem(string name)
    {
        foreach (var ending in NumberEndings)
        {
            if (name.Length > ending.Length && name.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return name.Substring(0, name.Length - ending.Length).TrimEnd('_');
            }
        }

        return null;
    }

    /// <summary>
    /// A dictionary key read as the name of what it holds: <c>XOutboxMessageId</c> for <c>"X-Outbox-Message-Id"</c>,
    /// <c>orderId</c> for <c>"order_id"</c>; a key without separators is its own name.
    /// </summary>
    public static string NameOfKey(string key)
    {
        var name = new System.Text.StringBuilder(key.Length);
        var upper = false;
        foreach (var c in key)
        {
            if (c is '-' or '_' or ' ' or '.' or ':')
            {
                upper = name.Length > 0;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return name.ToString();
    }

    /// <summary>Whether a type is a date, a time or a duration (whose numbers are read as the moment they come from).</summary>
    public static bool IsDateOrTime(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.SpecialType == SpecialType.System_DateTime
            || type is INamedTypeSymbol { Name: "DateTimeOffset" or "DateOnly" or "TimeOnly" or "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
    }

    /// <summary>
    /// A name that says the value is a moment, whatever its type (a Unix time in a <c>long</c>): <c>timestamp</c>,
    /// <c>RequestTimestamp</c>, <c>createdAt</c>, <c>sent_at</c>, <c>startDate</c>, <c>sendTime</c>, <c>ts</c>, <c>epochMs</c>.
    /// It is read as a date is: a stored timestamp says which occurrence. The ending must be a word of its own, so that
    /// <c>update</c> or <c>runtime</c> are not read as dates.
    /// </summary>
    public static bool IsTimeName(string name)
    {
        if (EndsWithAnyWord(name, TimeWords))
        {
            return true;
        }

        // createdAt, sentAt, expires_at: "At" after a lower-case word, or "_at"; lastChanged, LastModified, last_updated:
        // "last" and one word in the past tense, the moment something last happened.
        // updatedAtMs, sent_at_unix: such a moment counted in a unit.
        return (name.Length > 3 && name.EndsWith("At", StringComparison.Ordinal) && char.IsLower(name[name.Length - 3]))
            || (name.Length > 3 && name.EndsWith("_at", StringComparison.OrdinalIgnoreCase))
            || IsLastPastTense(name)
            || (WordEnding(name, UnitEndings) is { } unit && IsTimeName(name.Substring(0, name.Length - unit.Length)))
            || (WordEnding(name, BoundEndings) is { } bound && IsTimeName(name.Substring(0, name.Length - bound.Length)));
    }

    // currentPeriodStart, billing_cycle_end, windowStart: where a span of time begins or ends is a moment, which names
    // one period of a kept thing (a subscription's month), not the thing.
    private static readonly string[] BoundEndings = ["Start", "End", "Begin", "_start", "_end", "_begin"];

    private static readonly string[] UnitEndings = ["Ms", "Millis", "Sec", "Secs", "Seconds", "Unix", "Epoch", "_ms", "_millis", "_sec", "_secs", "_seconds", "_unix", "_epoch"];

    private static bool IsLastPastTense(string name)
    {
        var rest = name.StartsWith("last_", StringComparison.OrdinalIgnoreCase) ? name.Substring(5)
            : name.Length > 4 && name.StartsWith("last", StringComparison.OrdinalIgnoreCase) && char.IsUpper(name[4]) ? name.Substring(4)
            : null;
        if (rest is not { Length: > 3 } || !rest.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 1; i < rest.Length; i++)
        {
            if (char.IsUpper(rest[i]) || rest[i] == '_')
            {
                return false;
            }
        }

        return true;
    }

    // The last ones name a period, which tells the occurrences of something periodic apart as a date does:
    // `$"{c.Year}-{c.Month}-{c.AccountId}"` is one account's month.
    private static readonly string[] TimeWords =
    [
        "timestamp", "time", "date", "datetime", "ts", "epoch", "epochms", "epochseconds", "millis", "unixtime", "unixms",
        "year", "quarter", "month", "week", "day", "hour", "minute", "period", "cycle",
    ];

    /// <summary>Whether <paramref name="name"/> ends with one of <paramref name="words"/> as a word of its own.</summary>
    private static bool EndsWithAnyWord(string name, string[] words)
    {
        foreach (var word in words)
        {
            if (EndsWithWord(name, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="name"/> ends with <paramref name="word"/> as a word of its own (<c>sendTime</c>, <c>send_time</c>, <c>time</c>).</summary>
    private static bool EndsWithWord(string name, string word)
    {
        if (name.Length < word.Length || !name.EndsWith(word, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // A capital starts a word unless it continues a run of capitals: `DROP` does not end in the word `op`, while
        // `URLHash` ends in `hash` and `sendOp` in `op`.
        var start = name.Length - word.Length;
        return start == 0
            || name[start - 1] is '_' or '-'
            || (char.IsUpper(name[start]) && (!char.IsUpper(name[start - 1]) || (start + 1 < name.Length && char.IsLower(name[start + 1]))));
    }

    /// <summary>
    /// A name of an identity: <c>Id</c>, <c>orderId</c>, <c>order_id</c>, <c>IdPayment</c>, <c>feedUuid</c>, <c>userUID</c>,
    /// <c>invoiceNumber</c>, <c>OrderNo</c>, <c>assetIdentifier</c>, a primary key <c>Pk</c>. A variable named just <c>id</c>
    /// is left out by the callers: it may be an entity's id or a dedup id. A UUID counts when the name says whose it is (<c>feedUuid</c>); a bare <c>Uuid</c> or
    /// <c>uuid</c> is as often made for the request that carries it, so it says nothing.
    /// </summary>
    public static bool IsIdentity(string name)
        => (name.Equals("id", StringComparison.OrdinalIgnoreCase)
            || name.Equals("pk", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("Id", StringComparison.Ordinal)
            || name.EndsWith("ID", StringComparison.Ordinal)
            || name.EndsWith("_id", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("Guid", StringComparison.Ordinal)
            || UuidEnding(name) is not null
            || name.EndsWith("Number", StringComparison.Ordinal)
            || name.EndsWith("identifier", StringComparison.OrdinalIgnoreCase)
            || ReferenceEnding(name) is not null
            || PrimaryKeyEnding(name) is not null
            || AbbreviatedNumberStem(name) is not null
            || (name.Length > 2 && name.EndsWith("No", StringComparison.Ordinal) && char.IsLower(name[name.Length - 3]))
            || IsIdBeforeName(name)
            || NamesWhoDidIt(name)
            || RunTogetherStem(name) is not null)
        && !NamesOnlyAReference(name);

    /// <summary>
    /// A reference, a trace number or a control number that names no kind of object (<c>reference</c>, <c>referenceId</c>,
    /// <c>refId</c>, <c>traceNumber</c>, <c>controlNum</c>): like a lone <c>id</c>, it says it identifies something, not
    /// what. Payment and messaging APIs call the key a caller makes for one request so (MTN MoMo's <c>X-Reference-Id</c>,
    /// X12's trace numbers), so the rule does not read it as a kept thing's id.
    /// </summary>
    private static bool NamesOnlyAReference(string name)
    {
        var stem = (IdentityStem(name) ?? NumberStem(name) ?? AbbreviatedNumberStem(name) ?? name).Trim('_');
        foreach (var word in GenericReferenceWords)
        {
            if (stem.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] GenericReferenceWords = ["reference", "ref", "trace", "control"];

    /// <summary>
    /// The kept thing a name written in one lower-case word names with its id: <c>project</c> of <c>projectid</c>,
    /// <c>user</c> of <c>userid</c>. Only a kept thing's name counts, so that a word that merely ends in "id" (<c>paid</c>,
    /// <c>android</c>) is none.
    /// </summary>
    private static string? RunTogetherStem(string name)
    {
        if (name.Length <= 4 || !name.EndsWith("id", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var c in name)
        {
            if (!char.IsLower(c))
            {
                return null;
            }
        }

        var stem = name.Substring(0, name.Length - 2);
        return IsKept(stem) ? stem : null;
    }

    /// <summary>
    /// A name of the person who did something to a record, <c>CreatedBy</c>, <c>created_by</c>, <c>assignedBy</c>: the
    /// id of that user, as <c>CreatedByUserId</c> would be.
    /// </summary>
    private static bool NamesWhoDidIt(string name)
        => (name.EndsWith("edBy", StringComparison.Ordinal) && name.Length > 6)
            || (name.EndsWith("ed_by", StringComparison.OrdinalIgnoreCase) && name.Length > 7);

    private static readonly string[] NumberAbbreviations = ["Num", "_num", "SN", "Sn", "_sn"];

    /// <summary>
    /// What a number or a serial number abbreviated after a word names: <c>account</c> for <c>accountNum</c>,
    /// <c>order</c> for <c>order_num</c>, <c>orderSN</c> or <c>orderSn</c>; null otherwise.
    /// </summary>
    private static string? AbbreviatedNumberStem(string name)
    {
        foreach (var ending in NumberAbbreviations)
        {
            if (name.Length > ending.Length + 1 && name.EndsWith(ending, ending[0] == '_' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
                && char.IsLetter(name[name.Length - ending.Length - 1]) && (ending[0] == '_' || char.IsLower(name[name.Length - ending.Length - 1])))
            {
                return name.Substring(0, name.Length - ending.Length);
            }
        }

        return null;
    }

    /// <summary>
    /// An address held as text identifies a person, a machine, a place or a resource as an id does:
    /// <c>customer.EmailAddress</c>, <c>userEmail</c>, <c>ipAddress</c>, <c>site.Url</c>. An <c>Email</c> object is a message, not an address, so only text (or a
    /// value whose type the rule cannot see, such as a dictionary entry) counts.
    /// </summary>
    public static bool IsAddress(string name, ITypeSymbol? type)
        => IsText(type)
            && (name.EndsWith("email", StringComparison.OrdinalIgnoreCase) || name.EndsWith("address", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("url", StringComparison.OrdinalIgnoreCase) || name.EndsWith("uri", StringComparison.OrdinalIgnoreCase)
                || EndsWithAnyWord(name, LinkWords) || IsStorageKey(name));

    // A link is a URL by another name (`entry.Link`, `postLink`, `permalink`, an `href`).
    private static readonly string[] LinkWords = ["link", "permalink", "href"];

    /// <summary>
    /// The key of a kept thing, which names it as its slug does (<c>accountKey</c>, <c>tenant_key</c>, what
    /// <c>tenant.GetTenantKey()</c> returns): a key the app gave the thing, not one made for deduplication, which names
    /// what it is for (<c>lockKey</c>, <c>jobKey</c>, <c>orderIdempotencyKey</c>).
    /// </summary>
    public static bool IsKeyOfKeptThing(string name, ITypeSymbol? type)
        => IsText(type) && KeyStem(name) is { Length: > 0 } stem && EndsWithAnyWord(stem, KeptThings) && !IsMadeForDeduplication(name);

    /// <summary>What a name ending in a key names before it: <c>account</c> for <c>accountKey</c> or <c>account_key</c>; null otherwise.</summary>
    private static string? KeyStem(string name)
        => name.EndsWith("_key", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 4)
            : name.Length > 3 && name.EndsWith("Key", StringComparison.Ordinal) ? name.Substring(0, name.Length - 3)
            : null;

    // Stores whose keys name stored objects: S3, GCS, a blob store, an object store.
    private static readonly string[] StorageWords = ["s3", "gcs", "blob", "object", "storage"];

    /// <summary>
    /// The key of an object in a store, which is its address there (<c>s3Key</c>, <c>objectKey</c>, <c>blob_key</c>), not a
    /// key made for deduplication.
    /// </summary>
    public static bool IsStorageKey(string name) => KeyStem(name) is { Length: > 0 } stem && EndsWithAnyWord(stem, StorageWords);

    /// <summary>
    /// A name that is a key, as an address is, although it ends like a label: a user's login name (<c>user.Username</c>,
    /// <c>user_name</c>, <c>login</c>) or a file's name (<c>fileName</c>), read before the <c>...Name</c> of labels.
    /// </summary>
    public static bool IsIdentifyingName(string name, ITypeSymbol? type)
        => IsText(type)
            && (EndsWithAny(name, IdentifyingNames) || name.Equals("login", StringComparison.OrdinalIgnoreCase) || IsNameOfKeptThing(name));

    /// <summary>
    /// The name or slug of a kept thing, as a name of its own: <c>cityName</c>, <c>project_name</c>, <c>tenantSlug</c>,
    /// <c>repoFullName</c>.
    /// </summary>
    private static bool IsNameOfKeptThing(string name)
    {
        if (!(EndsWithWord(name, "name") || EndsWithWord(name, "slug")) || name.Length <= 4) // both four letters long
        {
            return false;
        }

        var owner = name.Substring(0, name.Length - 4).TrimEnd('_');
        if (EndsWithWord(owner, "full") && owner.Length > 4)
        {
            owner = owner.Substring(0, owner.Length - 4).TrimEnd('_');
        }

        return EndsWithAnyWord(owner, KeptThings);
    }

    /// <summary>A method named as a hash, an encoding or an escape: <c>Sha256</c>, <c>Md5</c>, <c>HexEncode</c>, <c>ToBase64</c>, <c>HashOf</c>, <c>XmlEscape</c>.</summary>
    public static bool NamesHashOrEncoding(string method) => ContainsAny(method, HashOrEncodingWords);

    /// <summary>A name of a message's content: <c>rawBody</c>, <c>payload</c>, <c>requestContent</c>.</summary>
    public static bool NamesContent(string name) => EndsWithAny(name, ContentWords);

    private static readonly string[] ContentWords = ["body", "payload", "content", "contents"];

    // An escape (`Uri.EscapeDataString`, `SecurityElement.Escape`, a helper `XmlEscape`) spells text for a URL or a
    // document: the same value, as an encoding is.
    private static readonly string[] HashOrEncodingWords = ["sha1", "sha256", "sha512", "md5", "hash", "digest", "hex", "base64", "encode", "escape"];

    /// <summary>
    /// A method named as making a name-based UUID (version 3 or 5: <c>Uuid5</c>, <c>uuidv5</c>, Java's
    /// <c>nameUUIDFromBytes</c>, Go's <c>NewSHA1</c>): a hash of a namespace and a name, the same UUID for the same name.
    /// </summary>
    public static bool NamesNameBasedUuid(string method) => ContainsAny(method, NameBasedUuidWords);

    private static readonly string[] NameBasedUuidWords = ["uuid5", "uuidv5", "uuid3", "uuidv3", "guidv5", "guid5", "nameuuid", "newsha1", "newmd5"];

    private static readonly string[] IdentifyingNames = ["username", "user_name", "filename", "file_name", "hostname", "host_name"];

    // Parties, places and things an app keeps, whose name given to a piece of text says the text is their key.
    private static readonly string[] KeptThings =
    [
        "user", "member", "customer", "client", "account", "tenant", "org", "organization", "company", "team", "workspace",
        "owner", "merchant", "business", "player", "student", "patient", "profile",
        "assignee", "author", "recipient", "subscriber", "seller", "buyer", "vendor", "supplier", "employee",
        "shop", "store", "site", "domain", "host", "server", "device", "project", "repo", "repository", "city", "country",
        "product", "sku", "order", "invoice", "file", "filepath", "path", "route", "folder", "disk", "bucket", "database",
        "chat", "conversation", "room", "cart", "booking", "reservation", "appointment", "enrollment", "course", "lesson",
        "video", "media", "document", "doc", "wallet", "expense", "app",
        "feed", "collection", "chapter", "series", "album", "playlist", "agent", "asset", "portfolio", "property", "pet",
        "farm", "warehouse", "venue", "hotel", "restaurant", "school", "classroom", "club", "league", "clinic",
        "doctor", "sensor", "meter", "manga", "epub",
        "meeting", "consultation", "interview", "avatar",

        // The usual short spellings of some of them.
        "cust", "acct", "proj",
    ];

    /// <summary>
    /// Text named after a party, a place or a kept thing is that thing's key, as an address is: a <c>tenant</c>,
    /// <c>shop</c> or <c>payload.User</c> string names one tenant, shop or user, a <c>filePath</c> one file, a
    /// <c>targetRepo</c> one repository. The word must end the name as a word of its own (<c>currentUser</c>,
    /// <c>file_path</c>; a <c>multiuser</c> is none), and only text counts: a <c>User</c> object turned into text says
    /// whatever its <c>ToString</c> says. Names that say more come first: <c>userType</c> is a label, <c>userId</c> an id.
    /// </summary>
    public static bool IsKeptThing(string name, ITypeSymbol? type)
        => IsText(type) && EndsWithAnyWord(name, KeptThings);

    private static readonly string[] HashWords = ["hash", "checksum", "digest"];

    /// <summary>
    /// The hash of a kept thing's content or of an address, as text, identifies the thing as its path would:
    /// <c>fileHash</c>, <c>file_checksum</c>, <c>urlHash</c> (one page). A hash named after anything else
    /// (<c>payloadHash</c>, <c>bodyHash</c>) is a key made for deduplication.
    /// </summary>
    public static bool IsHashOfKeptThing(string name, ITypeSymbol? type)
    {
        foreach (var ending in HashWords)
        {
            if (EndsWithWord(name, ending) && name.Length > ending.Length)
            {
                var hashed = name.Substring(0, name.Length - ending.Length).TrimEnd('_', '-');
                return IsKeptThing(hashed, type) || IsAddress(hashed, type);
            }
        }

        return false;
    }

    // Kept things whose names are also acts: `invoice:{orderId}` may say that the order is invoiced, `store-{fileId}`
    // that a file is stored. In a literal they are read as saying what is done.
    private static readonly string[] ActsToo = ["invoice", "file", "store", "host"];

    /// <summary>
    /// Whether a word of a literal (<c>customer</c> of <c>"customer-"</c>, <c>orders</c> of <c>"user_orders_"</c>) is only
    /// the kind of a kept thing, which says nothing about the event: one of the kept things above, or its plural, that is
    /// not also an act.
    /// </summary>
    public static bool IsKindOfKeptThing(string word) => KindOrPlural(word, KeptThings) is { } kind ? Array.IndexOf(ActsToo, kind) < 0 : KindOrPlural(word, KeptInTextOnly) is not null;

    /// <summary>The one of <paramref name="kinds"/> that <paramref name="word"/> is, or is the plural of; null otherwise.</summary>
    private static string? KindOrPlural(string word, string[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (word.Equals(kind, StringComparison.OrdinalIgnoreCase)
                || (word.Length == kind.Length + 1 && word.EndsWith("s", StringComparison.OrdinalIgnoreCase) && word.StartsWith(kind, StringComparison.OrdinalIgnoreCase)))
            {
                return kind;
            }
        }

        return null;
    }

    // Kept things only when written in a literal: a group is kept (`$"group-{target.Id}"`), but text named `group` is as
    // often a label that sorts other things (a Quartz job group, a Solid Queue concurrency group).
    private static readonly string[] KeptInTextOnly = ["group"];

    /// <summary>Whether a word is the kind of a kept thing, acts included: <c>order</c> of <c>orderID</c>, <c>invoice</c>.</summary>
    public static bool IsKept(string word) => IsOneOf(word, KeptThings);

    // Platforms an app talks to. In a literal (`$"shopify:order:{order.Id}"`, `$"wc-order:{id}"`) such a word says where
    // the object lives, which every event about it shares, not what happened to it.
    private static readonly string[] Platforms =
    [
        "stripe", "paypal", "paddle", "braintree", "adyen", "mollie", "razorpay", "xendit", "chargebee", "recurly", "lemonsqueezy", "polar",
        "shopify", "woocommerce", "wc", "bigcommerce", "etsy", "amazon", "ebay",
        "github", "gitlab", "bitbucket", "slack", "discord", "telegram", "tg", "whatsapp", "twitter", "reddit", "youtube", "yt",
        "instagram", "facebook", "linkedin", "tiktok", "google", "gmail", "outlook", "hubspot", "salesforce", "zendesk",
        "intercom", "twilio", "sendgrid", "mailgun", "postmark", "mailchimp", "klaviyo", "notion", "airtable", "sheets", "jira", "trello",
        "asana", "linear", "clickup", "attio", "sanity", "zoom", "calendly", "typeform", "quickbooks", "xero", "plaid", "manychat", "openai",
        "spotify", "strava", "pipedrive", "docusign", "dropbox", "shipstation", "shippo", "easypost", "freshdesk", "vimeo",
        "twitch", "coinbase", "opensea", "gumroad", "patreon", "mixpanel", "pagerduty", "firebase", "supabase",

        // Google's drive named short, as its sheets are (`$"drive-{pictureBook.Id}"`), and QuickBooks as its sync queues
        // spell it (`$"qb-po-{po.Id}"`).
        "drive", "gdrive", "qb",

        // Sign-in, billing, point-of-sale, delivery and social platforms, some as apps spell them short
        // (`$"lemon:order:{orderId}"` for Lemon Squeezy, `$"sq_{saleId}"` for Square, `$"ig-post-{postId}"` for Instagram).
        "clerk", "lemon", "square", "sq", "clover", "doordash", "ubereats",
        "ig", "fb", "threads",

        // Booking, fitness and error-tracking platforms (`$"acuity:{appointmentId}"`, `$"sentry:{issue.Id}"`).
        "acuity", "garmin", "sentry",

        // The app's own CRM or ERP, named as a system (`$"crm-lead:{leadId}"`), says where the object is kept, as a
        // platform's name does.
        "crm", "erp",

        // The acronyms of a regulation or a compliance process name the area every event about the person shares.
        "kyc", "kyb", "gdpr", "ccpa", "dsr", "dsar",
    ];

    /// <summary>
    /// Whether a word of a literal names a platform the object lives on (<c>shopify</c>, <c>wc</c>) or the compliance process
    /// it is in (<c>kyc</c>, <c>gdpr</c>), not an event.
    /// </summary>
    public static bool IsPlatform(string word) => IsOneOf(word, Platforms);

    /// <summary>Whether <paramref name="word"/> is one of <paramref name="words"/>, compared without case.</summary>
    private static bool IsOneOf(string word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text, or a value whose type the rule cannot see (a dictionary entry, <c>object</c>, <c>dynamic</c>).</summary>
    private static bool IsText(ITypeSymbol? type)
        => type is null || type.SpecialType is SpecialType.System_String or SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic;

    /// <summary>
    /// What a getter named after a value returns: <c>AlbumId</c> for <c>GetAlbumId</c>, <c>UserId</c> for
    /// <c>GetUserId</c>, <c>Id</c> for <c>GetId</c>; null for other method names.
    /// </summary>
    public static string? GetterOf(string methodName)
        => methodName.Length > 3 && methodName.StartsWith("Get", StringComparison.Ordinal) && char.IsUpper(methodName[3])
            ? methodName.Substring(3)
            : null;

    /// <summary>
    /// Whether a type (<c>StripeEvent</c>, <c>InboundMessage</c>, <c>WebhookDelivery</c>, <c>OutboxEventRecord</c>) or
    /// variable (<c>webhookEvent</c>, <c>msg</c>) stands for an occurrence, whose own Id is an id already.
    /// </summary>
    public static bool IsOccurrence(string name)
    {
        var kind = WithoutStorageSuffix(name);

        // A log (an import log, an audit log, a task's log item) or a history (a history row, Gmail's `historyId`) records
        // something that happened; as a word of its own, so that a catalog or a blog is not one.
        // A pull or merge request is kept (reviewed, updated, merged), not a request made once.
        // An object named as made for deduplication (`dedupe`, `dedupRecord`) stands for one thing not to do twice.
        // A change (a status change, a price change) happens once; as a word of its own, so that an exchange is not one.
        return (EndsWithAny(kind, OccurrenceEndings) && !EndsWithAny(kind, KeptRequests)) || EndsWithAnyWord(kind, OccurrenceWords)
            || IsMadeForDeduplication(kind);
    }

    // Words that, written in an id's text, name the message sent (`$"reminder-{booking.Id}"`, `$"meeting-reminder:{id}"`),
    // though the variable they name is a kept row (`reminder.Id`).
    private static readonly string[] MessagesInTextOnly = ["reminder"];

    /// <summary>Whether a word written in an id's text names a message sent, as <c>reminder</c> does.</summary>
    public static bool NamesMessageInText(string word) => EndsWithAny(word, MessagesInTextOnly);

    // Occurrences only as words of their own (a log, a history, a change; not a catalog, a blog or an exchange), and an
    // operation spelled short (`op.Id`, `PublicationOp`; not a shop or a loop).
    private static readonly string[] OccurrenceWords = ["log", "history", "change", "op"];

    private static readonly string[] KeptRequests = ["pullrequest", "pull_request", "mergerequest", "merge_request"];

    // Work that can be configured once and run many times, and the words that say it is the configuration.
    private static readonly string[] WorkWords = ["job", "task", "workflow"];
    private static readonly string[] ConfigurationWords = ["schedule", "cron", "definition", "recurring", "periodic", "repeat"];

    /// <summary>
    /// A name of a job, a task or a workflow, or of a schedule (<c>ScheduledTask</c>, <c>JobModel</c>, <c>schedule</c>),
    /// with no other occurrence in it: a scheduled message stays a message.
    /// </summary>
    public static bool IsWorkOrSchedule(string name)
    {
        var kind = WithoutStorageSuffix(name);
        return EndsWithAny(kind, WorkWords) || (ContainsAny(kind, ConfigurationWords) && !IsOccurrence(kind));
    }

    /// <summary>A name that says its job or task is configured, not run: <c>ScheduledTask</c>, <c>JobSchedule</c>, <c>TaskDefinition</c>, <c>cronJob</c>.</summary>
    public static bool NamesConfiguration(string name) => ContainsAny(name, ConfigurationWords);

    /// <summary>
    /// A member that holds a schedule: <c>Cron</c>, <c>CronExpression</c>, <c>cron_expr</c>, <c>Schedule</c>, or how often
    /// the work comes again: resque-scheduler's <c>every</c>, a <c>PollInterval</c>, a <c>Frequency</c>.
    /// </summary>
    public static bool NamesSchedule(string name)
        => name.IndexOf("cron", StringComparison.OrdinalIgnoreCase) >= 0
            || IsOneOf(name, ScheduleNames)
            || (name.EndsWith("Interval", StringComparison.OrdinalIgnoreCase) && !ContainsAny(name, WaitWords));

    private static readonly string[] ScheduleNames = ["Schedule", "Every", "Frequency"];

    // An interval of a retry, a backoff, a delay or a timeout says how long one run waits, not how often work comes again.
    private static readonly string[] WaitWords = ["retry", "backoff", "delay", "timeout"];

    /// <summary>
    /// What names the configured job or task <paramref name="owner"/> (a type's or a variable's name) is or schedules:
    /// its <c>Id</c>, <c>Key</c> or <c>Code</c>, plain or after the word of the work (<c>TaskId</c>, <c>JobKey</c>). A
    /// name of other work is another thing's (the <c>JobId</c> of a <c>ScheduledTask</c> is the id of the job made for
    /// it); a schedule's names name the work it schedules. Its <c>Name</c> is a name held in a variable, which says
    /// which job it is as any label does, not a key.
    /// </summary>
    public static bool IsKeyOfWork(string name, string owner)
    {
        foreach (var work in WorkWords)
        {
            if (name.StartsWith(work, StringComparison.OrdinalIgnoreCase) && name.Length > work.Length)
            {
                var ownWork = WithoutStorageSuffix(owner);
                if (EndsWithAny(ownWork, WorkWords) && !ownWork.EndsWith(work, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                name = name.Substring(work.Length).TrimStart('_');
                break;
            }
        }

        return name.Equals("Id", StringComparison.OrdinalIgnoreCase) || name.Equals("Key", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Code", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="name"/> holds one of <paramref name="words"/> anywhere, compared without case.</summary>
    private static bool ContainsAny(string name, string[] words)
    {
        foreach (var word in words)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="name"/> ends in one of <paramref name="words"/>, compared without case.</summary>
    public static bool EndsWithAny(string name, string[] words)
    {
        foreach (var word in words)
        {
            if (name.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name without the storage word a storage type adds: <c>OutboxEvent</c> for <c>OutboxEventRecord</c>.</summary>
    public static string WithoutStorageSuffix(string name)
    {
        foreach (var suffix in StorageSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        return name;
    }

    /// <summary>A name of a host, a domain or a URL: <c>host</c>, <c>hostname</c>, <c>AppDomain</c>, <c>tenant_url</c>, <c>ParseUrlHost</c>.</summary>
    public static bool NamesHost(string name) => EndsWithAnyWord(name, HostWords);

    private static readonly string[] HostWords = ["host", "hostname", "dnsname", "domain", "url", "uri", "authority"];

    /// <summary>
    /// A name of the system a token's value belongs to (FHIR's <c>system|value</c>): <c>MRN_SYSTEM</c>,
    /// <c>PatientIdSystem</c>, <c>V2Systems</c>, <c>SEED_SYS</c>, or a URI (<c>patientUri</c>).
    /// </summary>
    public static bool NamesTokenSystem(string name) => EndsWithAnyWord(name, TokenSystemWords);

    private static readonly string[] TokenSystemWords = ["system", "systems", "sys", "url", "uri"];

    /// <summary>A name that says it was made for deduplication: <c>idempotencyKey</c>, <c>dedupKey</c>, <c>dedupeId</c>.</summary>
    public static bool IsMadeForDeduplication(string name) => ContainsAny(name, MadeForDeduplication);

    private static readonly string[] MadeForDeduplication = ["dedup", "idempot"];

    /// <summary>What a value's type says when its name says nothing: whole numbers count with entity ids, a Guid is one.</summary>
    public static DedupIdPart ByType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type?.SpecialType)
        {
            case SpecialType.System_Int16:
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt16:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
            case SpecialType.System_Byte:
                return DedupIdPart.Number;
        }

        if (type is INamedTypeSymbol { Name: "Guid", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return DedupIdPart.Entity;
        }

        // A strongly typed id says what it identifies by its type's name: `OrderId`, `InvoiceNumber` are identities of
        // domain objects, `MessageId` or `IdempotencyKey` ids already. Other types (an `Order`, a `string`) say nothing.
        return type is INamedTypeSymbol { SpecialType: SpecialType.None, TypeKind: TypeKind.Struct or TypeKind.Class, Name.Length: > 2 } named
            ? IsPrecomputed(named.Name) ? DedupIdPart.Precomputed
                : IsIdentity(named.Name) ? DedupIdPart.Entity
                : DedupIdPart.Unknown
            : DedupIdPart.Unknown;
    }
}
