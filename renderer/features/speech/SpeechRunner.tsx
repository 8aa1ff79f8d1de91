import { useEffect } from 'react';
import { useBridge, onIdleReset, useShellStore } from '../shell/index.ts';
import { forgetPrefetched, primeAudioOutput, setSpeechAudioElement, stopSpeech } from './player.ts';
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
    const ask = () =>
      client
        .invoke('speechStatus', {})
        .then((status) => {
          if (!live) return;
          useSpeechStore.setState({ status });
          if (status.available) primeAudioOutput();
        })
        .catch(() =>
          useSpeechStore.setState({
            status: { available: false, reason: 'not-installed', voice: 'vi', engine: null, languages: [] },
          }),
        );
    void ask();
    // A language the office published since (fetched with the sync pull) appears for the next citizen.
    const unsubscribe = onIdleReset(() => void ask());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client]);

  useEffect(() => {
    const unsubscribeScreen = useShellStore.subscribe((state, previous) => {
      if (state.screen !== previous.screen) stopSpeech();
    });
    const unsubscribeIdle = onIdleReset(() => {
      stopSpeech();
      forgetPrefetched();
      useSpeechStore.setState({ clipLanguage: null, failure: null });
    });
    return () => {
      unsubscribeScreen();
      unsubscribeIdle();
      stopSpeech();
    };
  }, []);

  // The one audio element every listen button plays through.
  return <audio ref={setSpeechAudioElement} hidden aria-hidden="true" />;
}
