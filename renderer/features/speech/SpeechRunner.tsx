import { useEffect } from 'react';
import { useBridge } from '../shell/bridge-context.ts';
import { onIdleReset } from '../shell/idle.ts';
import { useShellStore } from '../shell/store.ts';
import { stopSpeech } from './player.ts';
import { useSpeechStore } from './store.ts';

/**
 * Asks the host once whether it can speak (the listen buttons appear only if so), and
 * stops speech on any navigation and on the idle reset, which also forgets the recorded
 * language the last citizen chose.
 */
export function SpeechRunner() {
  const client = useBridge();

  useEffect(() => {
    let live = true;
    client
      .invoke('speechStatus', {})
      .then((status) => live && useSpeechStore.setState({ status }))
      .catch(() =>
        useSpeechStore.setState({
          status: { available: false, reason: 'not-installed', voice: 'vi', engine: null, languages: [] },
        }),
      );
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(() => {
    const unsubscribeScreen = useShellStore.subscribe((state, previous) => {
      if (state.screen !== previous.screen) stopSpeech();
    });
    const unsubscribeIdle = onIdleReset(() => {
      stopSpeech();
      useSpeechStore.setState({ clipLanguage: null, failure: null });
    });
    return () => {
      unsubscribeScreen();
      unsubscribeIdle();
      stopSpeech();
    };
  }, []);

  return null;
}
