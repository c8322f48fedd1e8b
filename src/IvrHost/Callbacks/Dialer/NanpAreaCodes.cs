namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>
/// What an area code says about a +1 number: which NANP country it belongs to, and (for Canada and
/// the main US zones) the time zone its callee most likely sleeps in. Area codes that span two zones
/// are left out of the zone table: such a callee gets the line's own time zone (docs/callbacks.md).
/// </summary>
public static class NanpAreaCodes
{
    /// <summary>NANP members other than Canada and the US (US territories included: they are separate countries in ISO 3166).</summary>
    private static readonly Dictionary<string, string> OtherCountries = Table(
        ("BS", "242"), ("BB", "246"), ("AI", "264"), ("AG", "268"), ("VG", "284"), ("VI", "340"), ("KY", "345"), ("BM", "441"),
        ("GD", "473"), ("TC", "649"), ("JM", "658 876"), ("MS", "664"), ("MP", "670"), ("GU", "671"), ("AS", "684"), ("SX", "721"),
        ("LC", "758"), ("DM", "767"), ("VC", "784"), ("PR", "787 939"), ("DO", "809 829 849"), ("TT", "868"), ("KN", "869"));

    private static readonly Dictionary<string, string> CanadianZones = Table(
        ("America/St_Johns", "709 879"),
        ("America/Halifax", "902 782 506 428"),
        ("America/Toronto", "416 647 437 905 289 365 742 705 249 683 519 226 548 613 343 753 807 514 438 263 450 579 354 418 581 367 819 873 468"),
        ("America/Winnipeg", "204 431 584"),
        ("America/Regina", "306 639 474"),
        ("America/Edmonton", "403 587 825 368 780 867"),
        ("America/Vancouver", "604 778 236 672 250 257"));

    private static readonly Dictionary<string, string> UnitedStatesZones = Table(
        ("America/New_York",
            "212 646 332 718 347 929 917 516 631 914 845 518 315 680 607 585 716 201 551 732 848 908 973 862 609 640 856 "
            + "215 267 445 610 484 717 223 570 272 412 878 724 617 857 781 339 508 774 978 351 413 203 475 860 959 401 603 802 207 "
            + "302 301 240 410 443 667 202 703 571 804 757 540 434 276 304 681 704 980 919 984 336 743 252 910 828 803 839 843 854 864 "
            + "404 470 678 770 943 706 762 912 478 229 305 786 954 754 561 407 689 321 904 386 352 727 813 656 941 239 863 772 "
            + "216 440 330 234 419 567 614 380 740 513 937 326 313 248 947 586 734 810 517 616 269 989 231 317 463 260 765 502 859 606 423 865"),
        ("America/Chicago",
            "312 872 773 630 331 708 464 847 224 815 779 309 861 217 447 618 730 414 262 608 920 274 715 534 612 651 763 952 218 320 507 "
            + "515 319 563 641 712 314 557 636 816 975 660 417 573 235 501 479 870 327 504 225 318 337 985 457 601 769 662 228 "
            + "205 659 251 256 938 334 615 629 901 731 931 214 469 972 945 817 682 713 281 832 346 210 726 512 737 409 430 903 254 361 "
            + "830 936 979 956 325 806 940 405 572 918 539 580 316 785 913 620 402 531 701"),
        ("America/Denver", "303 720 983 719 970 801 385 435 505 575 307 406 208 915"),
        ("America/Phoenix", "480 602 623 520 928"),
        ("America/Los_Angeles",
            "213 323 738 310 424 562 626 818 747 661 805 820 760 442 619 858 714 657 949 909 840 951 415 628 510 341 650 408 669 925 "
            + "707 369 916 279 530 559 209 350 831 206 253 360 564 425 509 503 971 541 458 702 725 775"),
        ("America/Anchorage", "907"),
        ("Pacific/Honolulu", "808"));

    /// <summary>ISO 3166 country of a (structurally valid) area code: CA, US, or another NANP member.</summary>
    public static string CountryOf(string areaCode) =>
        CanadianZones.ContainsKey(areaCode) || areaCode is "600" or "622" ? "CA"
        : OtherCountries.TryGetValue(areaCode, out var country) ? country
        : "US";

    /// <summary>The IANA time zone of the area code when it lies in one zone we know; null otherwise.</summary>
    public static string? TimeZoneOf(string areaCode) =>
        CanadianZones.TryGetValue(areaCode, out var zone) || UnitedStatesZones.TryGetValue(areaCode, out zone) ? zone : null;

    private static Dictionary<string, string> Table(params (string Value, string Codes)[] rows) =>
        rows.SelectMany(r => r.Codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => (code, r.Value)))
            .ToDictionary(x => x.code, x => x.Value, StringComparer.Ordinal);
}
