import { use } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

/**
 * The only ECharts parts the reports draw with: bars and lines on a grid, with a legend, a
 * tooltip and a title (what an empty chart says), painted on a canvas. Imported by the chart component alone, which the reports page
 * loads lazily, so none of it weighs on the first paint or on the other pages.
 */
use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer])
