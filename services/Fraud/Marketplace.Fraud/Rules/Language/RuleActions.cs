namespace Marketplace.Fraud.Rules.Language;

/// <summary>How actions are written: in the API (<c>action</c>: <c>request_3ds</c>…) and in rule text ("Request 3D Secure").</summary>
public static class RuleActions
{
    public static string ToApiName(this RuleAction action) => action switch
    {
        RuleAction.RequestThreeDSecure => "request_3ds",
        RuleAction.Allow => "allow",
        RuleAction.Block => "block",
        RuleAction.Review => "review",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string ToKeyword(this RuleAction action) => action switch
    {
        RuleAction.RequestThreeDSecure => "Request 3D Secure",
        RuleAction.Allow => "Allow",
        RuleAction.Block => "Block",
        RuleAction.Review => "Review",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
