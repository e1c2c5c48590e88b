using Marketplace.Fraud.Tests.Support;
using Marketplace.Fraud.Velocity;
using Marketplace.Testing;

namespace Marketplace.Fraud.Tests.Velocity;

/// <summary>The counter straight on the database: payments of one key that straddle a minute boundary.</summary>
public sealed class VelocityCounterTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    static readonly DateTimeOffset EndOfMinute = new(2026, 11, 23, 12, 0, 59, 900, TimeSpan.Zero);

    [Fact]
    public async Task APaymentInTheNextMinute_WaitsForAnUncommittedOneInThePrevious_AndCountsIt()
    {
        var platform = TestContexts.NewPlatform().PlatformId;
        var keys = new Dictionary<VelocityDimension, string> { [VelocityDimension.CardFingerprint] = Marketplace.Data.PrefixedId.New("fp") };
        await using var first = await service.Database.OpenConnectionAsync(Cancellation);
        await using var second = await service.Database.OpenConnectionAsync(Cancellation);
        await using var firstTransaction = await first.BeginTransactionAsync(Cancellation);
        await using var secondTransaction = await second.BeginTransactionAsync(Cancellation);

        var firstCount = await VelocityCounter.CountAsync(firstTransaction, platform, keys, EndOfMinute, Cancellation);
        var secondCounting = VelocityCounter.CountAsync(secondTransaction, platform, keys, EndOfMinute.AddMilliseconds(200), Cancellation);
        var waited = await Task.WhenAny(secondCounting, Task.Delay(500, Cancellation)) != secondCounting;
        await firstTransaction.CommitAsync(Cancellation);
        var secondCount = await secondCounting;
        await secondTransaction.CommitAsync(Cancellation);

        Assert.True(waited, "the second payment counted before the first one committed");
        Assert.Equal(new VelocityCount(1, 1), firstCount[VelocityDimension.CardFingerprint]);
        Assert.Equal(new VelocityCount(2, 2), secondCount[VelocityDimension.CardFingerprint]);
    }

    [Fact]
    public async Task APaymentWhoseClockLagsBehindOneCountedBeforeIt_StillCountsThatOne()
    {
        var platform = TestContexts.NewPlatform().PlatformId;
        var keys = new Dictionary<VelocityDimension, string> { [VelocityDimension.Email] = "jenny@example.com " + Guid.NewGuid() };
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);

        await using (var ahead = await connection.BeginTransactionAsync(Cancellation))
        {
            await VelocityCounter.CountAsync(ahead, platform, keys, EndOfMinute.AddMilliseconds(200), Cancellation);
            await ahead.CommitAsync(Cancellation);
        }

        await using var behind = await connection.BeginTransactionAsync(Cancellation);
        var count = await VelocityCounter.CountAsync(behind, platform, keys, EndOfMinute, Cancellation);

        Assert.Equal(new VelocityCount(2, 2), count[VelocityDimension.Email]);
    }
}
