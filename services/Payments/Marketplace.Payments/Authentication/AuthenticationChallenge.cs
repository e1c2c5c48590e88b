namespace Marketplace.Payments.Authentication;

/// <summary>A challenge as its creator needs it: the page's absolute URL (through the gateway) goes in <c>next_action.redirect_to_url.url</c>.</summary>
public sealed record AuthenticationChallenge(string Id, string Url, string Subject, string Reference, string Kind);
