namespace DeepCnn.Tests.Compute;

/// <summary>/proc/cpuinfo texts for the peak estimate's tests (the first verbatim from the project machine).</summary>
internal static class CpuInfoSamples
{
    /// <summary>Intel Xeon (Emerald Rapids, family 6 model 207) as a 2-vCPU KVM guest sees it: no cpufreq, no clock in the name.</summary>
    public const string EmeraldRapidsVm = """
        processor	: 0
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 207
        model name	: Intel(R) Xeon(R) Processor
        stepping	: 2
        microcode	: 0x1
        cpu MHz		: 2100.000
        cache size	: 307200 KB
        physical id	: 0
        siblings	: 2
        core id		: 0
        cpu cores	: 2
        apicid		: 0
        initial apicid	: 0
        fpu		: yes
        fpu_exception	: yes
        cpuid level	: 32
        wp		: yes
        flags		: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch cpuid_fault ssbd ibrs ibpb stibp ibrs_enhanced fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves avx_vnni avx512_bf16 wbnoinvd arat avx512vbmi umip pku ospke avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg avx512_vpopcntdq rdpid bus_lock_detect cldemote movdiri movdir64b fsrm md_clear serialize tsxldtrk ibt amx_bf16 avx512_fp16 amx_tile amx_int8 flush_l1d arch_capabilities
        bugs		: spectre_v1 spectre_v2 spec_store_bypass swapgs taa eibrs_pbrsb bhi ibpb_no_ret spectre_v2_user
        bogomips	: 4200.00
        clflush size	: 64
        cache_alignment	: 64
        address sizes	: 46 bits physical, 57 bits virtual
        power management:

        processor	: 1
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 207
        model name	: Intel(R) Xeon(R) Processor
        stepping	: 2
        microcode	: 0x1
        cpu MHz		: 2100.000
        cache size	: 307200 KB
        physical id	: 0
        siblings	: 2
        core id		: 1
        cpu cores	: 2
        apicid		: 1
        initial apicid	: 1
        fpu		: yes
        fpu_exception	: yes
        cpuid level	: 32
        wp		: yes
        flags		: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch cpuid_fault ssbd ibrs ibpb stibp ibrs_enhanced fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves avx_vnni avx512_bf16 wbnoinvd arat avx512vbmi umip pku ospke avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg avx512_vpopcntdq rdpid bus_lock_detect cldemote movdiri movdir64b fsrm md_clear serialize tsxldtrk ibt amx_bf16 avx512_fp16 amx_tile amx_int8 flush_l1d arch_capabilities
        bugs		: spectre_v1 spectre_v2 spec_store_bypass swapgs taa eibrs_pbrsb bhi ibpb_no_ret spectre_v2_user
        bogomips	: 4200.00
        clflush size	: 64
        cache_alignment	: 64
        address sizes	: 46 bits physical, 57 bits virtual
        power management:
        """;

    /// <summary>AMD EPYC 9R14 (Zen 4, family 25 model 17): 2 vCPUs that are the two hardware threads of one core.</summary>
    public const string Zen4Vm = """
        processor	: 0
        vendor_id	: AuthenticAMD
        cpu family	: 25
        model		: 17
        model name	: AMD EPYC 9R14 96-Core Processor
        cpu MHz		: 2600.000
        physical id	: 0
        core id		: 0
        flags		: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl nonstop_tsc cpuid extd_apicid aperfmperf tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm cmp_legacy cr8_legacy abm sse4a misalignsse 3dnowprefetch topoext perfctr_core invpcid_single ssbd ibrs ibpb stibp vmmcall fsgsbase bmi1 avx2 smep bmi2 invpcid avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves avx512_bf16 clzero xsaveerptr rdpru wbnoinvd arat avx512vbmi pku ospke avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg avx512_vpopcntdq rdpid flush_l1d

        processor	: 1
        vendor_id	: AuthenticAMD
        cpu family	: 25
        model		: 17
        model name	: AMD EPYC 9R14 96-Core Processor
        cpu MHz		: 2600.000
        physical id	: 0
        core id		: 0
        flags		: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl nonstop_tsc cpuid extd_apicid aperfmperf tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm cmp_legacy cr8_legacy abm sse4a misalignsse 3dnowprefetch topoext perfctr_core invpcid_single ssbd ibrs ibpb stibp vmmcall fsgsbase bmi1 avx2 smep bmi2 invpcid avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves avx512_bf16 clzero xsaveerptr rdpru wbnoinvd arat avx512vbmi pku ospke avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg avx512_vpopcntdq rdpid flush_l1d
        """;

    /// <summary>AMD Ryzen 9 9950X (Zen 5, family 26 model 68): two cores with two hardware threads each.</summary>
    public const string Zen5Desktop = """
        processor	: 0
        vendor_id	: AuthenticAMD
        cpu family	: 26
        model		: 68
        model name	: AMD Ryzen 9 9950X 16-Core Processor
        cpu MHz		: 5083.211
        physical id	: 0
        core id		: 0
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512bw avx512vl avx512_bf16 avx512_vnni

        processor	: 1
        vendor_id	: AuthenticAMD
        cpu family	: 26
        model		: 68
        model name	: AMD Ryzen 9 9950X 16-Core Processor
        cpu MHz		: 5083.211
        physical id	: 0
        core id		: 0
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512bw avx512vl avx512_bf16 avx512_vnni

        processor	: 2
        vendor_id	: AuthenticAMD
        cpu family	: 26
        model		: 68
        model name	: AMD Ryzen 9 9950X 16-Core Processor
        cpu MHz		: 5083.211
        physical id	: 0
        core id		: 1
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512bw avx512vl avx512_bf16 avx512_vnni

        processor	: 3
        vendor_id	: AuthenticAMD
        cpu family	: 26
        model		: 68
        model name	: AMD Ryzen 9 9950X 16-Core Processor
        cpu MHz		: 5083.211
        physical id	: 0
        core id		: 1
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512bw avx512vl avx512_bf16 avx512_vnni
        """;

    /// <summary>Intel Core i7-8700 (family 6 model 158): 6 cores with two hardware threads each, AVX2 and FMA, clock in the name.</summary>
    public const string CoffeeLake = """
        processor	: 0
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 0
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 1
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 1
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 2
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 2
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 3
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 3
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 4
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 4
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 5
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 5
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 6
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 0
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 7
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 1
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 8
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 2
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 9
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 3
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 10
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 4
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2

        processor	: 11
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 158
        model name	: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz
        cpu MHz		: 800.000
        physical id	: 0
        core id		: 5
        flags		: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2
        """;

    /// <summary>An Arm Neoverse N1 machine: no vendor, family or x86 flags.</summary>
    public const string Arm = """
        processor	: 0
        BogoMIPS	: 243.75
        Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs
        CPU implementer	: 0x41
        CPU architecture: 8
        CPU variant	: 0x3
        CPU part	: 0xd0c
        CPU revision	: 1

        processor	: 1
        BogoMIPS	: 243.75
        Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs
        CPU implementer	: 0x41
        CPU architecture: 8
        CPU variant	: 0x3
        CPU part	: 0xd0c
        CPU revision	: 1
        """;
}
