using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Shared;

/// <summary>
/// The step result types the runtime serializes without generated metadata (its <c>StepTypeInfos</c>): one list for
/// the function generator (which emits metadata for every other type) and the analyzers (which offer a step only for
/// what can be stored): framework primitives, and <c>Nullable&lt;T&gt;</c> of those that are value types. Keep it in
/// step with the runtime.
/// </summary>
internal static class RuntimeStepTypes
{
    public static bool IsBuiltIn(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Boolean:
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
            case SpecialType.System_Int16:
            case SpecialType.System_Byte:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
                return true;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return nullable.TypeArguments[0] is { IsValueType: true } underlying && IsBuiltIn(underlying);
        }

        return type is INamedTypeSymbol { Arity: 0 } named
            && ((TypeNames.IsInNamespace(named, "System") && named.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "Uri")
                || TypeNames.HasMetadataName(named, KnownNames.JsonElement));
    }
}
