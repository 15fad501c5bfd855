namespace RetailDatagen.Core.Model;

public sealed class Geography : IRow
{
    public int ID { get; set; }
    public string City { get; set; } = "";
    public string State { get; set; } = "";
    public string ZipCode { get; set; } = "";
    public string District { get; set; } = "";
    public string Region { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Integer(ID);
        writer.Text(City);
        writer.Text(State);
        writer.Text(ZipCode);
        writer.Text(District);
        writer.Text(Region);
        writer.Coordinate(Latitude);
        writer.Coordinate(Longitude);
    }
}
