namespace RetailDatagen.Core.Model;

public sealed class DistributionCenter : IRow
{
    public int ID { get; set; }
    public string DCNumber { get; set; } = "";
    public string Address { get; set; } = "";
    public int GeographyID { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Integer(ID);
        writer.Text(DCNumber);
        writer.Text(Address);
        writer.Integer(GeographyID);
    }
}
