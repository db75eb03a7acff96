"""The channel-agnostic conversation engine.

One message, end to end (``Engine.handle``): de-duplicate (channel, chat, message id) ->
take the conversation's lock -> load its state -> parse text with the NLU (buttons and
locations skip it; a typed option number presses that button) -> run the router's hooks
-> route by command, payload, (intent, step) or location -> the handler runs inside one
database transaction and returns replies and the next step -> save the state.

The composition root builds it once::

    engine = Engine(
        session_factory=sessions,              # catalog.db.make_session_factory(db)
        nlu=interpreter,                       # anything with async parse_async(text)
        store=SqlStateStore(sessions),         # MemoryStateStore() for tests
        dedup=SqlDeduplicator(sessions),       # MemoryDeduplicator() for tests
        locks=LocalLocks(),                    # one process; Redis locks for scale-out
        notifier=ChannelNotifier(),            # register(channel) for each started channel
        router=bot.handlers.build_router(),
        i18n=I18n.load(),
        settings=EngineSettings(threshold=..., operator=..., max_text_chars=...),
    )
"""
