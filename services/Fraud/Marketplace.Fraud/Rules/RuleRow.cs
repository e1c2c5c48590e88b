namespace Marketplace.Fraud.Rules;

/// <summary>A <c>rules</c> row as Dapper reads it.</summary>
internal sealed record RuleRow
{
    public required string Id { get; init; }
    public required string Action { get; init; }
    public required string Predicate { get; init; }
    public string? Description { get; init; }
    public bool Enabled { get; init; }
    public DateTime Created { get; init; }

    public Rule ToRule() => new()
    {
        Id = Id,
        Action = Action,
        Predicate = Predicate,
        Description = Description,
        Enabled = Enabled,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
    };
}
