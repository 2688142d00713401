using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cms.Tenancy;

/// <summary>The plain pages the host answers with before a tenant's own site takes over.</summary>
public static class StatusPage
{
    /// <summary>The pages' only style, inline so they need no other request; allowed by its hash (<see cref="StyleHash"/>).</summary>
    private const string Style = """
        body{margin:0;font:18px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#faf8f5;color:#2b2b2b}
        main{max-width:36rem;margin:12vh auto;padding:0 1.25rem}
        h1{font-size:1.6rem;font-weight:600;margin:0 0 .75rem}
        a{color:#3d6b5a}
        table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e4dfd8}
        label{display:block;margin:.75rem 0 .25rem}input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #bdb6ab;border-radius:4px}
        button{font:inherit;margin-top:1rem;padding:.55rem 1.2rem;border:0;border-radius:4px;background:#3d6b5a;color:#fff;cursor:pointer;min-height:44px}
        .error{color:#9a2b1e}
        """;

    /// <summary>The Content-Security-Policy source that allows the style element of these pages and nothing else inline.</summary>
    internal static string StyleHash { get; } = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'";

    public static Task WriteAsync(HttpContext context, int statusCode, string title, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(Render(title, message), context.RequestAborted);
    }

    public static string Render(string title, string bodyHtml) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>{{Style}}</style>
        </head>
        <body><main>
        <h1>{{WebUtility.HtmlEncode(title)}}</h1>
        {{bodyHtml}}
        </main></body>
        </html>
        """;
}
