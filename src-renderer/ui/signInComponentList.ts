/**
 * The Element Plus components the sign-in screen draws, registered with the page's first script
 * (elementPlus.ts); every other one is in appComponentList.ts. Keep in step with the sign-in
 * screen's templates: tests/unit/renderer/elementPlusComponents.test.ts lists any missing here.
 */
export {
  ElAlert,
  ElButton,
  ElCard,
  ElConfigProvider,
  ElForm,
  ElFormItem,
  ElInput,
  ElOption,
  ElSelect
} from 'element-plus'
