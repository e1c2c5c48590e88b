using System.Text;
using Npgsql;

namespace Marketplace.Payments.Authentication;

/// <summary>
/// The hosted authentication page, <c>/payments/authenticate/{id}</c>, served through the gateway without an API
/// key: the challenge's unguessable id is the credential. Anti-forgery tokens would add nothing (a forged post needs
/// the id, which is the secret), so the form posts without one, as Onboarding's hosted pages do. After the choice the
/// browser goes to the intent's <c>return_url</c>, or sees a result when there is none; a second submit, concurrent
/// or late, changes nothing and shows the first choice's result.
/// </summary>
public static class AuthenticationPagesApi
{
    public static IEndpointRouteBuilder MapAuthenticationPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup(AuthenticationChallenges.BasePath).ExcludeFromDescription();
        pages.MapGet("/{id}", ShowAsync);
        pages.MapPost("/{id}", CompleteAsync).DisableAntiforgery();
        return endpoints;
    }

    static async Task<IResult> ShowAsync(string id, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ChallengeStore.FindAsync(connection, id, cancellationToken) switch
        {
            null => Html(AuthenticationPage.NotFound(), StatusCodes.Status404NotFound),
            { IsCompleted: true } completed => Finish(completed, completed.Succeeded == true),
            { } pending => Html(AuthenticationPage.Challenge(pending)),
        };
    }

    static async Task<IResult> CompleteAsync(
        string id, HttpRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var outcome = form["outcome"].ToString();
        if (outcome is not ("succeeded" or "failed"))
        {
            return Results.BadRequest();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AuthenticationChallenges.CompleteAsync(transaction, id, outcome == "succeeded", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ChallengeStore.FindAsync(connection, id, cancellationToken) is { IsCompleted: true } challenge
            ? Finish(challenge, challenge.Succeeded == true)
            : Html(AuthenticationPage.NotFound(), StatusCodes.Status404NotFound);
    }

    static IResult Finish(StoredChallenge challenge, bool succeeded) =>
        challenge.ReturnUrl is null ? Html(AuthenticationPage.Result(succeeded)) : Results.Redirect(ReturnUrls.For(challenge, succeeded));

    static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
}
