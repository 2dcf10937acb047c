using System.Net;

namespace DeepCnn.Data;

/// <summary>A download that failed: the message names the URL, what went wrong and what to do about it.</summary>
public sealed class CifarDownloadException : IOException
{
    /// <summary>Creates the exception; <paramref name="message"/> names <paramref name="url"/>.</summary>
    public CifarDownloadException(Uri url, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Url = url;
        StatusCode = statusCode;
    }

    /// <summary>The URL that was being fetched.</summary>
    public Uri Url { get; }

    /// <summary>The server's status code, when the server answered with an error.</summary>
    public HttpStatusCode? StatusCode { get; }
}
