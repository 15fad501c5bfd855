namespace RetailDatagen.Core.Generation;

/// <summary>
/// Where a customer lives and the home stores it shops at (1–3, strongest first; weights sum to 1).
/// A value type with fixed slots, so locating a customer allocates nothing.
/// </summary>
public readonly record struct CustomerHome(
    int GeographyId,
    string ZipCode,
    double Latitude,
    double Longitude,
    int StoreCount,
    int Store0,
    int Store1,
    int Store2,
    double Weight0,
    double Weight1,
    double Weight2
)
{
    /// <summary>The primary home store (1-based store id).</summary>
    public int PrimaryStore => Store0;

    /// <summary>The k-th home store (1-based store id), k in [0, <see cref="StoreCount"/>).</summary>
    public int Store(int k) =>
        k switch
        {
            0 => Store0,
            1 => Store1,
            2 => Store2,
            _ => throw new ArgumentOutOfRangeException(nameof(k)),
        };

    /// <summary>The share of the customer's home-store visits that go to the k-th home store.</summary>
    public double Weight(int k) =>
        k switch
        {
            0 => Weight0,
            1 => Weight1,
            2 => Weight2,
            _ => throw new ArgumentOutOfRangeException(nameof(k)),
        };
}
