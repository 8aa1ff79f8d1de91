/**
 * The renderer-start benchmark's React floor: the floor page's heading and one tile, rendered
 * by React DOM from a production build and nothing else (no i18n, no data, no bridge). Its
 * time over the static floor is what the kiosk's choice of React costs before any of its own
 * code runs.
 */
import { createRoot } from 'react-dom/client';

function Today() {
  return (
    <main>
      <h1>Hôm nay tại xã Bằng Thành</h1>
      <section aria-labelledby="served-today">
        <h2 id="served-today">Thủ tục được phục vụ hôm nay</h2>
        <ul aria-labelledby="served-today">
          <li>
            <button type="button">Chứng thực bản sao từ bản chính</button>
          </li>
        </ul>
      </section>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Today />);
