namespace Marketplace.Payments.Processor;

/// <summary>What a card number says about itself: whether it is well formed (Luhn) and which network issued it (the IIN ranges).</summary>
public static class CardNumbers
{
    /// <summary>12 to 19 digits passing the Luhn check.</summary>
    public static bool IsValid(string number)
    {
        if (number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    public static string Brand(string number)
    {
        int Prefix(int length) => number.Length >= length ? int.Parse(number.AsSpan(0, length)) : -1;
        return number switch
        {
            _ when Prefix(2) is 34 or 37 => "amex",
            _ when Prefix(2) is >= 51 and <= 55 || Prefix(4) is >= 2221 and <= 2720 => "mastercard",
            _ when Prefix(4) == 6011 || Prefix(2) == 65 || Prefix(3) is >= 644 and <= 649 => "discover",
            _ when Prefix(2) is 36 or 38 or 39 || Prefix(3) is >= 300 and <= 305 => "diners",
            _ when Prefix(2) == 35 => "jcb",
            _ when Prefix(2) == 62 => "unionpay",
            _ when number.StartsWith('4') => "visa",
            _ => "unknown",
        };
    }
}
