import { useEffect } from 'react';
import { useApp } from './state/appStore.dom.ts';
import { bridge, call } from './transport/bridge.dom.ts';
import { Navigation } from './components/Navigation.dom.tsx';
import { StatusBar } from './components/StatusBar.dom.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.dom.tsx';
import { CalendarScreen } from './screens/calendar/CalendarScreen.dom.tsx';
import { VouchersScreen } from './screens/VouchersScreen.dom.tsx';
import { OrdersScreen } from './screens/orders/OrdersScreen.dom.tsx';
import { TicketsScreen } from './screens/orders/TicketsScreen.dom.tsx';
import { CompanionsScreen } from './screens/CompanionsScreen.dom.tsx';
import { ContactsScreen } from './screens/ContactsScreen.dom.tsx';
import { CommandPalette } from './components/palette/CommandPalette.dom.tsx';
import { OptionsScreen } from './screens/OptionsScreen.dom.tsx';
import { CartScreen } from './screens/cart/CartScreen.dom.tsx';
import { AccountScreen } from './screens/AccountScreen.dom.tsx';
import { Notices } from './components/Notices.dom.tsx';
import { BundleTray } from './components/BundleTray.dom.tsx';
import { ExpiryBanner } from './components/ExpiryBanner.dom.tsx';
import { RecoveryBanner } from './components/RecoveryBanner.dom.tsx';
import { UpdateBanner } from './components/UpdateBanner.dom.tsx';
import { SyncScreen } from './screens/SyncScreen.dom.tsx';
import { DossiersScreen } from './screens/dossiers/DossiersScreen.dom.tsx';
import type { Screen } from './state/route.dom.ts';
import { useFirstScreenShown } from './state/windowShown.dom.ts';

const SCREEN_COMPONENTS: Record<Screen, () => React.JSX.Element> = {
  calendar: CalendarScreen,
  dossiers: DossiersScreen,
  options: OptionsScreen,
  cart: CartScreen,
  companions: CompanionsScreen,
  contacts: ContactsScreen,
  orders: OrdersScreen,
  tickets: TicketsScreen,
  vouchers: VouchersScreen,
  sync: SyncScreen,
  account: AccountScreen,
};

export function App() {
  const screen = useApp((s) => s.route.screen);
  const setSyncStatus = useApp((s) => s.setSyncStatus);
  useEffect(() => {
    void call('sync.status', {}).then(setSyncStatus, () => undefined);
    return bridge.on('sync.status', setSyncStatus);
  }, [setSyncStatus]);
  // The calendar says so itself once its month is in; another first screen, once it is drawn.
  useFirstScreenShown(screen !== 'calendar');
  const Current = SCREEN_COMPONENTS[screen];
  return (
    <div className="app">
      <Navigation />
      <main className="content">
        <RecoveryBanner />
        <UpdateBanner />
        <ExpiryBanner />
        <ErrorBoundary resetKey={screen}>
          <Current />
        </ErrorBoundary>
      </main>
      <BundleTray />
      <Notices />
      <StatusBar />
      <CommandPalette />
    </div>
  );
}
