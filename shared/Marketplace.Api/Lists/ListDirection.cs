namespace Marketplace.Api.Lists;

public enum ListDirection
{
    /// <summary>The first page, or the page after <c>starting_after</c>: newest first.</summary>
    Older,

    /// <summary>The page before <c>ending_before</c>: fetched oldest first, then turned round.</summary>
    Newer,
}
