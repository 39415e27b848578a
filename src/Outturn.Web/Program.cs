using Outturn.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddOutturnWeb();

var app = builder.Build();
app.UseOutturnWeb();
app.Run();

/// <summary>The web app's entry point (named so tests can host it with WebApplicationFactory).</summary>
public partial class Program;
