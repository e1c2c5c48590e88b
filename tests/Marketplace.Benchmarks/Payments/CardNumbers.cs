namespace Marketplace.Benchmarks.Payments;

/// <summary>
/// Card numbers no test card uses (Luhn-valid, Visa range): buyers pay with cards of their own, so no velocity counter
/// or card row of one test card becomes the benchmark's bottleneck. The simulator approves an unknown valid number.
/// </summary>
public static class CardNumbers
{
    public static string Next()
    {
        var digits = new int[16];
        digits[0] = 4;
        digits[1] = 9;
        for (var i = 2; i < 15; i++)
        {
            digits[i] = Random.Shared.Next(10);
        }

        digits[15] = CheckDigit(digits);
        return string.Concat(digits);
    }

    /// <summary>The Luhn check digit of the first fifteen digits.</summary>
    static int CheckDigit(int[] digits)
    {
        var sum = 0;
        for (var i = 14; i >= 0; i--)
        {
            var doubled = (14 - i) % 2 == 0;
            var value = doubled ? digits[i] * 2 : digits[i];
            sum += value > 9 ? value - 9 : value;
        }

        return (10 - (sum % 10)) % 10;
    }
}
