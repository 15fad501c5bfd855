namespace RetailDatagen.Core.Generation;

/// <summary>Plates of three letters and four digits (<c>ABC1234</c>), one per index of a permuted domain.</summary>
internal static class LicensePlates
{
    public const ulong Domain = 26UL * 26 * 26 * 10_000;

    public static string Format(ulong value) =>
        string.Create(
            7,
            value,
            static (span, v) =>
            {
                var digits = v % 10_000;
                var letters = v / 10_000;
                span[2] = (char)('A' + (int)(letters % 26));
                letters /= 26;
                span[1] = (char)('A' + (int)(letters % 26));
                letters /= 26;
                span[0] = (char)('A' + (int)(letters % 26));
                ((int)digits).TryFormat(span[3..], out _, "D4", System.Globalization.CultureInfo.InvariantCulture);
            }
        );
}
