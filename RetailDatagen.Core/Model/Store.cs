namespace RetailDatagen.Core.Model;

public sealed class Store : IRow
{
    public int ID { get; set; }
    public string StoreNumber { get; set; } = "";
    public string Address { get; set; } = "";
    public int GeographyID { get; set; }
    public int DCID { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Integer(ID);
        writer.Text(StoreNumber);
        writer.Text(Address);
        writer.Integer(GeographyID);
        writer.Integer(DCID);
    }
}
