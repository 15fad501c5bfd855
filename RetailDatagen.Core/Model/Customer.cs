namespace RetailDatagen.Core.Model;

public sealed class Customer : IRow
{
    public int ID { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Address { get; set; } = "";
    public int GeographyID { get; set; }
    public string LoyaltyCard { get; set; } = "";
    public string Phone { get; set; } = "";
    public string BLEId { get; set; } = "";
    public string AdId { get; set; } = "";

    // Appended by DATA-CONTRACT §4 (trade areas): where the customer lives and its primary home store.
    public string ZipCode { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int HomeStoreID { get; set; }
    public int BirthYear { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Integer(ID);
        writer.Text(FirstName);
        writer.Text(LastName);
        writer.Text(Address);
        writer.Integer(GeographyID);
        writer.Text(LoyaltyCard);
        writer.Text(Phone);
        writer.Text(BLEId);
        writer.Text(AdId);
        writer.Text(ZipCode);
        writer.Coordinate(Latitude);
        writer.Coordinate(Longitude);
        writer.Integer(HomeStoreID);
        writer.Integer(BirthYear);
    }
}
