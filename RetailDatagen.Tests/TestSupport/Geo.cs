namespace RetailDatagen.Tests.TestSupport;

/// <summary>Great-circle distances for assertions, computed independently of the generator's own helpers.</summary>
public static class Geo
{
    public static double Miles(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a =
            Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2)
            + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2));
        return 2 * 3958.7613 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
