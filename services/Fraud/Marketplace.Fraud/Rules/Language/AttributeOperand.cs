namespace Marketplace.Fraud.Rules.Language;

/// <summary>A built-in attribute (<see cref="Known"/>) or a metadata key (<c>::key::</c>, read as a string).</summary>
public sealed record AttributeOperand(AttributeInfo? Known, string? MetadataKey) : Operand
{
    public AttributeType Type => Known?.Type ?? AttributeType.Text;

    public bool IsMetadata => Known is null;
}
