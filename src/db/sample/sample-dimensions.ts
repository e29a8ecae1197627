import { z } from 'zod'
import dimensionsJson from '../../../data/dimensions.json' with { type: 'json' }
import { dimensionJsonSchema, toDimensionDef } from '../../catalog/dimension-schema.js'
import type { DimensionDef } from '../../catalog/types.js'

/** The sample company's declared dimensions, validated from data/dimensions.json. */
export function sampleDimensions(): DimensionDef[] {
  return z.array(dimensionJsonSchema).parse(dimensionsJson).map(toDimensionDef)
}
