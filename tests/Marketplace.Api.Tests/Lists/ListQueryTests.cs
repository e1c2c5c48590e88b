using FsCheck;
using FsCheck.Fluent;
using Marketplace.Api.Lists;
using Marketplace.Api.Tests.Support;

namespace Marketplace.Api.Tests.Lists;

public sealed class ListQueryTests
{
    [Fact]
    public void Read_WithNothing_IsTheFirstPageOfTen()
    {
        var reader = Parameters.Form("");

        var query = ListQuery.Read(reader);

        Assert.Equal(10, query.Limit);
        Assert.Null(query.Cursor);
        Assert.Equal(ListDirection.Older, query.Direction);
        Assert.Null(reader.Complete());
    }

    [Fact]
    public void Read_AnyLimit_IsAcceptedExactlyFromOneToAHundred()
    {
        Prop.ForAll(Gen.Choose(-1000, 1000).ToArbitrary(), limit =>
        {
            var reader = Parameters.Form($"limit={limit}");
            var query = ListQuery.Read(reader);
            var error = reader.Complete();
            return limit is >= 1 and <= 100
                ? error is null && query.Limit == limit
                : error is { Param: "limit", Type: "invalid_request_error" };
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("limit=0", "This value must be greater than or equal to 1.")]
    [InlineData("limit=101", "This value must be less than or equal to 100.")]
    [InlineData("limit=ten", "Invalid integer: ten")]
    public void Read_LimitOutOfBounds_FailsInStripesWords(string body, string message)
    {
        var reader = Parameters.Form(body);

        ListQuery.Read(reader);

        Assert.Equal(message, reader.Complete()?.Message);
    }

    [Fact]
    public void Read_BothCursors_AreExclusive()
    {
        var reader = Parameters.Form("starting_after=cus_a&ending_before=cus_b");

        ListQuery.Read(reader);
        var error = reader.Complete();

        Assert.Equal("You may only specify one of these parameters: ending_before, starting_after.", error?.Message);
        Assert.Equal("parameters_exclusive", error?.Code);
    }

    [Fact]
    public void Read_CreatedRange_ReadsEachBound()
    {
        var reader = Parameters.Form("created[gte]=100&created[lt]=200");

        var query = ListQuery.Read(reader);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(100), query.CreatedGte);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(200), query.CreatedLt);
        Assert.Null(query.CreatedGt);
        Assert.Null(reader.Complete());
    }

    [Fact]
    public void Read_CreatedExactly_MeansThatSecond()
    {
        var reader = Parameters.Form("created=100");

        var query = ListQuery.Read(reader);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(100), query.CreatedGte);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(101), query.CreatedLt);
    }

    [Fact]
    public void Read_UnknownCreatedBound_IsAnUnknownParameter()
    {
        var reader = Parameters.Form("created[after]=100");

        ListQuery.Read(reader);

        Assert.Equal("Received unknown parameter: created[after]", reader.Complete()?.Message);
    }

    [Fact]
    public void ToSql_AfterACursor_SeeksOlderIdsNewestFirst()
    {
        var query = ListQuery.Read(Parameters.Form("starting_after=pi_0Abc&limit=3&created[gt]=5"));

        var sql = query.ToSql();

        Assert.Equal("id COLLATE \"C\" < @cursor AND created > @created_gt", sql.Where);
        Assert.Equal("id COLLATE \"C\" DESC", sql.OrderBy);
        Assert.Equal("pi_0Abc", sql.Parameters["cursor"]);
        Assert.Equal(4, sql.Parameters["limit"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(5), sql.Parameters["created_gt"]);
    }

    [Fact]
    public void ToSql_BeforeACursor_SeeksNewerIdsOldestFirst()
    {
        var sql = ListQuery.Read(Parameters.Form("ending_before=pi_0Abc")).ToSql("p.id", "p.created_at");

        Assert.Equal("p.id COLLATE \"C\" > @cursor", sql.Where);
        Assert.Equal("p.id COLLATE \"C\" ASC", sql.OrderBy);
    }

    [Fact]
    public void ToSql_AnyCursor_NeverAppearsInTheSqlText()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<NonEmptyString>(), cursor =>
        {
            var sql = new ListQuery { Cursor = "x" + cursor.Get }.ToSql();
            return !sql.Where.Contains("x" + cursor.Get, StringComparison.Ordinal) && (string)sql.Parameters["cursor"] == "x" + cursor.Get;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ToPage_WithTheExtraRow_HasMoreAndDropsIt()
    {
        var query = new ListQuery { Limit = 2 };

        var page = query.ToPage(["c", "b", "a"], "/v1/customers");

        Assert.True(page.HasMore);
        Assert.Equal(["c", "b"], page.Data);
        Assert.Equal("list", page.ObjectType);
        Assert.Equal("/v1/customers", page.Url);
    }

    [Fact]
    public void ToPage_BeforeACursor_TurnsTheRowsNewestFirst()
    {
        var query = new ListQuery { Limit = 2, Cursor = "a", Direction = ListDirection.Newer };

        var page = query.ToPage(["b", "c"], "/v1/customers");

        Assert.False(page.HasMore);
        Assert.Equal(["c", "b"], page.Data);
    }
}
