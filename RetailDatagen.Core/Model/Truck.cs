namespace RetailDatagen.Core.Model;

public sealed class Truck : IRow
{
    public int ID { get; set; }
    public string LicensePlate { get; set; } = "";
    public bool Refrigeration { get; set; }

    /// <summary>The DC the truck belongs to; null for supplier trucks.</summary>
    public int? DCID { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Integer(ID);
        writer.Text(LicensePlate);
        writer.Boolean(Refrigeration);
        writer.NullableInteger(DCID);
    }
}
