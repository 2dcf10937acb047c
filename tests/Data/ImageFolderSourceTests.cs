using DeepCnn.Data;
using SkiaSharp;

namespace DeepCnn.Tests.Data;

public sealed class ImageFolderSourceTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Photos => temp.Combine("photos");

    private ImageFolderOptions Options(double testFraction = 0.2, int seed = 1) =>
        new(Photos, temp.Combine("cache")) { TestFraction = testFraction, Seed = seed };

    [Fact]
    public async Task ImageFolder_class_names_are_the_folder_names_in_ordinal_order_and_the_data_is_named_by_its_folder()
    {
        var sample = ImageFolderSample.Write(Photos);

        var data = await ImageFolderSource.LoadAsync(Options());

        Assert.Equal(["Blue stripes", "green squares", "red discs"], data.ClassNames);
        Assert.Equal(DataOriginKind.ImageFolder, data.Origin.Kind);
        Assert.Equal("'photos' (image folder)", data.Origin.Name);
        Assert.Equal(Path.GetFullPath(Photos), data.Origin.Location);
        Assert.DoesNotContain("CIFAR-10", data.Origin.Name + data.Origin.Description + data);
        Assert.False(data.Origin.IsCifar10);
        Assert.Equal(sample.TrainPerClass.Sum(), data.Train.Count + data.Test.Count);
    }

    [Fact]
    public async Task ImageFolder_skips_an_unreadable_file_reporting_it_by_name_and_counting_it()
    {
        var sample = ImageFolderSample.Write(Photos);

        var data = await ImageFolderSource.LoadAsync(Options());

        var skipped = Assert.Single(data.Origin.Skipped);
        Assert.Equal(sample.Unreadable[0], skipped.Path);
        Assert.Contains("1 file skipped, not readable as images: red discs/broken.jpg", data.Origin.Description);
        // Every other file is there: the hidden .DS_Store is ignored, not counted.
        Assert.Equal(sample.TrainPerClass.Sum(), data.Train.Count + data.Test.Count);
    }

    [Fact]
    public async Task ImageFolder_turns_grey_palette_16_bit_and_transparent_images_into_8_bit_rgb()
    {
        void Write(string name, Func<byte[]> png)
        {
            Directory.CreateDirectory(Path.Combine(Photos, name));
            File.WriteAllBytes(Path.Combine(Photos, name, "1.png"), png());
            File.WriteAllBytes(Path.Combine(Photos, name, "2.png"), png());
        }

        Write("a grey", () => PngFile.Encode(9, 5, PngFile.Colour.Grey, 8, PngFile.Solid(9, 5, 8, 128)));
        Write("b palette", () => PngFile.Encode(6, 6, PngFile.Colour.Palette, 8, PngFile.Solid(6, 6, 8, 1), [0, 0, 0, 10, 200, 30]));
        Write("c deep", () => PngFile.Encode(8, 8, PngFile.Colour.Rgb, 16, PngFile.Solid(8, 8, 16, 0x8080, 0x1010, 0xF0F0)));
        Write("d clear", () => PngFile.Encode(8, 8, PngFile.Colour.Rgba, 8, PngFile.Solid(8, 8, 8, 0, 0, 0, 0)));
        Write("e half", () => PngFile.Encode(8, 8, PngFile.Colour.GreyAlpha, 8, PngFile.Solid(8, 8, 8, 0, 128)));

        var data = await ImageFolderSource.LoadAsync(Options(testFraction: 0.5));

        AssertEveryPixel(data, "a grey", (128, 128, 128), tolerance: 0);
        AssertEveryPixel(data, "b palette", (10, 200, 30), tolerance: 0);
        AssertEveryPixel(data, "c deep", (128, 16, 240), tolerance: 1);
        AssertEveryPixel(data, "d clear", (255, 255, 255), tolerance: 0);     // transparent: laid over white
        AssertEveryPixel(data, "e half", (127, 127, 127), tolerance: 1);      // black at half opacity over white
    }

    [Fact]
    public async Task ImageFolder_crops_images_of_odd_sizes_to_their_central_square()
    {
        Directory.CreateDirectory(Path.Combine(Photos, "wide"));
        Directory.CreateDirectory(Path.Combine(Photos, "tall"));
        Directory.CreateDirectory(Path.Combine(Photos, "tiny"));
        for (var i = 0; i < 3; i++)
        {
            // 90x30: red, blue, red thirds; 7x45: red above and below a green 7x7 middle; 1x1: one pixel.
            File.WriteAllBytes(Path.Combine(Photos, "wide", $"{i}.png"), Png(90, 30, (x, _) => x is >= 30 and < 60 ? SKColors.Blue : SKColors.Red));
            File.WriteAllBytes(Path.Combine(Photos, "tall", $"{i}.png"), Png(7, 45, (_, y) => y is >= 19 and < 26 ? SKColors.Lime : SKColors.Red));
            File.WriteAllBytes(Path.Combine(Photos, "tiny", $"{i}.png"), Png(1, 1, (_, _) => new SKColor(5, 6, 7)));
        }

        var data = await ImageFolderSource.LoadAsync(Options(testFraction: 0.34));

        AssertEveryPixel(data, "wide", (0, 0, 255), tolerance: 0);
        AssertEveryPixel(data, "tall", (0, 255, 0), tolerance: 0);
        AssertEveryPixel(data, "tiny", (5, 6, 7), tolerance: 0);
    }

    [Fact]
    public async Task ImageFolder_turns_a_phone_photo_upright_by_its_exif_orientation()
    {
        // Stored: red top half, blue bottom half. Orientation 6 says "turn 90 degrees clockwise to show": red on the right.
        var stored = Png(64, 64, (_, y) => y < 32 ? SKColors.Red : SKColors.Blue, SKEncodedImageFormat.Jpeg);
        foreach (var (name, bytes) in new[] { ("as stored", stored), ("turned", WithExifOrientation(stored, 6)) })
        {
            Directory.CreateDirectory(Path.Combine(Photos, name));
            for (var i = 0; i < 4; i++)
            {
                File.WriteAllBytes(Path.Combine(Photos, name, $"{i}.jpg"), bytes);
            }
        }

        var data = await ImageFolderSource.LoadAsync(Options(testFraction: 0.25));

        var upright = Pixels(data, "as stored").First();
        Assert.True(upright(4, 16).R > 200 && upright(28, 16).B > 200, "the picture without orientation should be red above blue");
        var turned = Pixels(data, "turned").First();
        Assert.True(turned(16, 28).R > 200 && turned(16, 4).B > 200, "the turned picture should be blue on the left, red on the right");
    }

    [Fact]
    public async Task ImageFolder_with_train_and_test_folders_keeps_their_split()
    {
        var sample = ImageFolderSample.Write(Photos, split: true, perClass: 8, testPerClass: 3);

        var data = await ImageFolderSource.LoadAsync(Options());

        Assert.Equal(sample.TrainPerClass, data.Train.ClassCounts(data.ClassCount));
        Assert.Equal(sample.TestPerClass, data.Test.ClassCounts(data.ClassCount));
        Assert.Contains("split by its train/ and test/ folders", data.Origin.Description);
        Assert.Equal("train/red discs/broken.jpg", Assert.Single(data.Origin.Skipped).Path);
    }

    [Fact]
    public async Task ImageFolder_of_class_folders_is_split_by_the_test_fraction_the_same_way_on_every_run()
    {
        ImageFolderSample.Write(Photos, perClass: 10, specials: false);

        var first = await ImageFolderSource.LoadAsync(Options(testFraction: 0.2, seed: 1));
        var again = await ImageFolderSource.LoadAsync(Options(testFraction: 0.2, seed: 1) with { CacheFolder = temp.Combine("other-cache") });
        var otherSeed = await ImageFolderSource.LoadAsync(Options(testFraction: 0.2, seed: 2));

        Assert.Equal([8, 8, 8], first.Train.ClassCounts(3));
        Assert.Equal([2, 2, 2], first.Test.ClassCounts(3));
        Assert.Equal(first.Test.Pixels, again.Test.Pixels);
        Assert.NotEqual(first.Test.Pixels, otherSeed.Test.Pixels);
        Assert.Contains("20% of each class's images kept for testing", first.Origin.Description);
    }

    [Fact]
    public async Task ImageFolder_is_decoded_once_and_read_from_the_cache_on_a_rerun()
    {
        ImageFolderSample.Write(Photos, specials: false);
        var decoding = new RecordingProgress();
        var first = await ImageFolderSource.LoadAsync(Options(), decoding);
        Assert.NotEmpty(decoding.Reports);

        // Spoil one image but keep its name, size and time: only a run that decodes again would notice.
        var photo = Directory.GetFiles(Path.Combine(Photos, "red discs"))[0];
        var time = File.GetLastWriteTimeUtc(photo);
        File.WriteAllBytes(photo, new byte[new FileInfo(photo).Length]);
        File.SetLastWriteTimeUtc(photo, time);
        var rerun = new RecordingProgress();
        var second = await ImageFolderSource.LoadAsync(Options(), rerun);

        Assert.Empty(rerun.Reports);
        Assert.Empty(second.Origin.Skipped);
        Assert.Equal(first.Train.Pixels, second.Train.Pixels);
        Assert.Equal(first.Test.Labels, second.Test.Labels);
    }

    [Fact]
    public async Task ImageFolder_cache_is_decoded_again_when_a_file_changes()
    {
        ImageFolderSample.Write(Photos, specials: false);
        var first = await ImageFolderSource.LoadAsync(Options());

        var photo = Directory.GetFiles(Path.Combine(Photos, "red discs"))[0];
        File.WriteAllBytes(photo, [0xFF, 0xD8, 1, 2, 3]);
        var rerun = new RecordingProgress();
        var second = await ImageFolderSource.LoadAsync(Options(), rerun);

        Assert.NotEmpty(rerun.Reports);
        Assert.Equal($"red discs/{Path.GetFileName(photo)}", Assert.Single(second.Origin.Skipped).Path);
        Assert.Equal(first.Train.Count + first.Test.Count - 1, second.Train.Count + second.Test.Count);
        Assert.Empty(Directory.GetFiles(temp.Combine("cache"), "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ImageFolder_reports_its_progress_while_decoding()
    {
        ImageFolderSample.Write(Photos, specials: false);
        var progress = new RecordingProgress();

        await ImageFolderSource.LoadAsync(Options(), progress);

        var last = progress.Reports[^1];
        Assert.Equal(30, last.TotalBytes);
        Assert.Equal(30, last.BytesReceived);
        Assert.Contains("'photos'", last.Activity);
        Assert.Contains("30 of 30 files", last.ToString());
    }

    [Fact]
    public async Task ImageFolder_rejects_an_empty_class_folder_naming_it()
    {
        ImageFolderSample.Write(Photos, specials: false);
        Directory.CreateDirectory(Path.Combine(Photos, "owls"));

        var error = await Assert.ThrowsAsync<ImageFolderException>(() => ImageFolderSource.LoadAsync(Options()));

        Assert.Equal(Path.Combine(Path.GetFullPath(Photos), "owls"), error.Folder);
        Assert.Contains("the class folder is empty; expected its images", error.Message);
    }

    [Fact]
    public async Task ImageFolder_rejects_a_class_in_only_one_split_naming_the_class()
    {
        ImageFolderSample.Write(Photos, split: true, specials: false);
        Directory.Move(Path.Combine(Photos, "test", "green squares"), Path.Combine(Photos, "test", "green circles"));

        var error = await Assert.ThrowsAsync<ImageFolderException>(() => ImageFolderSource.LoadAsync(Options()));

        Assert.Contains("'green squares' is in train/ only", error.Message);
        Assert.Contains("'green circles' is in test/ only", error.Message);
        Assert.Contains("expected the same class folders in train/ and test/", error.Message);
    }

    [Fact]
    public async Task ImageFolder_rejects_a_class_without_a_readable_image_in_a_split_naming_the_skipped_files()
    {
        ImageFolderSample.Write(Photos, split: true, specials: false, testPerClass: 1);
        var only = Directory.GetFiles(Path.Combine(Photos, "test", "red discs")).Single();
        File.WriteAllText(only, "not a picture");

        var error = await Assert.ThrowsAsync<ImageFolderException>(() => ImageFolderSource.LoadAsync(Options()));

        Assert.Equal(Path.GetFullPath(Photos), error.Folder);
        Assert.Contains("'red discs' has no readable image in test/", error.Message);
        Assert.Contains($"test/red discs/{Path.GetFileName(only)}", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ImageFolder_rejects_fewer_than_two_classes(int classes)
    {
        Directory.CreateDirectory(Photos);
        for (var c = 0; c < classes; c++)
        {
            Directory.CreateDirectory(Path.Combine(Photos, "cats"));
            File.WriteAllBytes(Path.Combine(Photos, "cats", "1.png"), Png(4, 4, (_, _) => SKColors.Red));
        }

        var error = await Assert.ThrowsAsync<ImageFolderException>(() => ImageFolderSource.LoadAsync(Options()));

        Assert.Equal(Path.GetFullPath(Photos), error.Folder);
        Assert.Contains(classes == 0 ? "has no class folder" : "has only one class folder ('cats')", error.Message);
        Assert.Contains("for at least 2 classes", error.Message);
    }

    [Fact]
    public async Task ImageFolder_that_does_not_exist_is_named_with_the_layout_expected()
    {
        var error = await Assert.ThrowsAsync<ImageFolderException>(() => ImageFolderSource.LoadAsync(Options()));

        Assert.Contains(Path.GetFullPath(Photos), error.Message);
        Assert.Contains("one subfolder per class", error.Message);
    }

    /// <summary>Asserts that every pixel of every image of class <paramref name="className"/>, in both splits, is <paramref name="rgb"/>.</summary>
    private static void AssertEveryPixel(CifarDataSet data, string className, (int R, int G, int B) rgb, int tolerance)
    {
        var pictures = Pixels(data, className).ToList();
        Assert.NotEmpty(pictures);
        foreach (var pixel in pictures)
        {
            for (var y = 0; y < CifarLayout.Side; y++)
            {
                for (var x = 0; x < CifarLayout.Side; x++)
                {
                    var (r, g, b) = pixel(y, x);
                    Assert.True(Math.Abs(r - rgb.R) <= tolerance && Math.Abs(g - rgb.G) <= tolerance && Math.Abs(b - rgb.B) <= tolerance,
                        $"'{className}' pixel ({x}, {y}) is ({r}, {g}, {b}); expected ({rgb.R}, {rgb.G}, {rgb.B}) within {tolerance}");
                }
            }
        }
    }

    /// <summary>Each image of the class, as a lookup (row, column) to its RGB.</summary>
    private static IEnumerable<Func<int, int, (int R, int G, int B)>> Pixels(CifarDataSet data, string className)
    {
        var label = data.ClassNames.ToList().IndexOf(className);
        foreach (var split in new[] { data.Train, data.Test })
        {
            for (var i = 0; i < split.Count; i++)
            {
                if (split.Labels[i] == label)
                {
                    var image = split.Image(i).ToArray();
                    const int Plane = CifarLayout.Side * CifarLayout.Side;
                    yield return (y, x) => (image[y * CifarLayout.Side + x], image[Plane + y * CifarLayout.Side + x], image[2 * Plane + y * CifarLayout.Side + x]);
                }
            }
        }
    }

    private static byte[] Png(int width, int height, Func<int, int, SKColor> colour, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, colour(x, y));
            }
        }

        using var encoded = bitmap.Encode(format, 95);
        return encoded.ToArray();
    }

    /// <summary>A JPEG with an EXIF block that carries only the orientation tag (0x0112), inserted after the start marker.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, (byte)(orientation >> 8), 0, 0, 0, 0, 0, 0];
        byte[] payload = [(byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0, .. tiff];
        var length = payload.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg.AsSpan(2)];
    }
}
