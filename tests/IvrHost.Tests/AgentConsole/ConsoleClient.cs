using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

/// <summary>One browser-like session on the console: its own cookies, redirects not followed, antiforgery tokens taken from the pages.</summary>
public sealed partial class ConsoleClient(HttpClient http, CookieContainer? cookies = null) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>The cookies this browser holds for <paramref name="site"/> (only for clients made with a container).</summary>
    public IReadOnlyDictionary<string, string> Cookies(Uri site) =>
        (cookies ?? throw new InvalidOperationException("This client keeps its cookies out of reach.")).GetCookies(site).ToDictionary(c => c.Name, c => c.Value);

    public static ConsoleClient For<T>(WebApplicationFactory<T> factory)
        where T : class =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<ConsoleClient> SignedInAsync<T>(WebApplicationFactory<T> factory, string name)
        where T : class
    {
        var client = For(factory);
        using var response = await client.SignInAsync(name, ConsoleAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        await PostAsync("/console/sign-in", "/console/sign-in", new() { ["Name"] = name, ["Password"] = password });

    /// <summary>Posts a form the way the page does: the antiforgery token comes from <paramref name="page"/>, fetched first.</summary>
    public async Task<HttpResponseMessage> PostAsync(string page, string action, Dictionary<string, string> fields)
    {
        var html = await Http.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(html) };
        return await Http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>The page as a person reads it (entities decoded: the encoder writes '+' as &amp;#x2B;).</summary>
    public async Task<string> PageAsync(string path) => WebUtility.HtmlDecode(await Http.GetStringAsync(path));

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public void Dispose() => Http.Dispose();

    public static string Token(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? match.Groups["token"].Value : throw new InvalidOperationException("The page has no antiforgery token:\n" + html);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
