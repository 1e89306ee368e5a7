import { h, type FunctionalComponent } from 'vue'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

interface CellTagProps {
  type?: TagType
  size?: 'small' | 'default'
  effect?: 'light' | 'dark'
}

/**
 * A tag in a table cell, drawn with Element Plus's own el-tag classes but without a component
 * instance and an appear transition per row: a page of rows, each with a status tag, opens
 * without blocking the page (issue 11, frozen screens). Looks the same as `<el-tag>`.
 */
const CellTag: FunctionalComponent<CellTagProps> = (props, { slots }) =>
  h(
    'span',
    {
      class: [
        'el-tag',
        `el-tag--${props.type ?? 'primary'}`,
        `el-tag--${props.size ?? 'default'}`,
        `el-tag--${props.effect ?? 'light'}`
      ]
    },
    [h('span', { class: 'el-tag__content' }, slots.default?.())]
  )
CellTag.props = ['type', 'size', 'effect']

export default CellTag
