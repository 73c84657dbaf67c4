// Umbraco keeps process-wide state (a static service provider, the |DataDirectory|): one site at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
