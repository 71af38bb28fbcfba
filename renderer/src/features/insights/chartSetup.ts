// Registers only the chart.js parts the Insights charts use (keeps the bundle small). The trend
// chart's flag markers come from its own small plugin (flagMarkers.ts), passed to that chart alone.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export { Chart };
